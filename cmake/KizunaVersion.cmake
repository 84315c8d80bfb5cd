# kizuna/version.h, generated from project(VERSION): the one place the version is written. The command
# line prints it (`kizuna --version`), the facade returns it (kizuna::api::version()), and it is installed
# beside kizuna.h.
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.h.in ${PROJECT_BINARY_DIR}/generated/include/kizuna/version.h
               @ONLY)
add_library(kizuna_version INTERFACE)
add_library(kizuna::version ALIAS kizuna_version)
target_include_directories(kizuna_version INTERFACE $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated/include>)
