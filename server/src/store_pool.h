#pragma once
// Private to server: read-only store connections, one per request in flight, reused between requests (a
// connection serves one thread at a time; opening one per request would cost more than most answers).
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "kizuna/core/store.h"

namespace kizuna::server {

class StorePool {
  public:
    explicit StorePool(std::filesystem::path db) : db_(std::move(db)) {}

    class Lease {
      public:
        Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
        ~Lease() { pool_.give_back(std::move(store_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        [[nodiscard]] const Store& store() const { return *store_; }

      private:
        StorePool& pool_;
        std::unique_ptr<Store> store_;
    };

    // An idle connection, or a new one. Throws StorageError.
    [[nodiscard]] Lease lease();

  private:
    void give_back(std::unique_ptr<Store> store);
    std::filesystem::path db_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace kizuna::server
