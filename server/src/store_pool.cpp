#include "store_pool.h"

namespace kizuna::server {

StorePool::Lease StorePool::lease() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            auto store = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(store));
        }
    }
    return Lease(*this, std::make_unique<Store>(Store::open(db_, Store::Mode::ReadOnly)));
}

void StorePool::give_back(std::unique_ptr<Store> store) {
    if (store == nullptr) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(store));
}

}  // namespace kizuna::server
