# What `cmake --install build --prefix P` puts where (the .deb holds the same, under /usr):
#   bin/kizuna                              the command line
#   lib/libkizuna.so.0.1 (+ .so)            the C++ library: the facade, exporting only kizuna::api
#   include/kizuna/kizuna.h, version.h      its public headers (standard library types only)
#   lib/cmake/kizuna/                       find_package(kizuna): the imported target kizuna::kizuna
#   lib/pkgconfig/kizuna.pc                 pkg-config --cflags --libs kizuna
#   lib/python3.X/dist-packages/kizuna/     the Python module (python/CMakeLists.txt)
#   share/kizuna/web/                       the explorer page and its npm packages (`kizuna serve`)
#   share/kizuna/data/                      the curated dataset (`kizuna demo`)
#   share/man/man1/kizuna.1                 the manual page, from `kizuna --help` (help2man)
#   share/doc/kizuna/                       README, CHANGELOG, the library's and Python module's guides
# `kizuna serve` and `kizuna demo` look for share/kizuna/web and share/kizuna/data beside their own
# executable (../share/kizuna/...), so the prefix may be moved or copied whole.
include(CMakePackageConfigHelpers)

set(KIZUNA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kizuna)

# The build tree's share/kizuna: the page staged from web/ and web/node_modules on every build.
set(KIZUNA_WEB_STAGE ${PROJECT_BINARY_DIR}/share/kizuna/web)
add_custom_target(kizuna_web ALL
  COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR}/web -DDEST=${KIZUNA_WEB_STAGE}
          -P ${CMAKE_CURRENT_LIST_DIR}/StageWeb.cmake
  COMMENT "Staging the explorer page and its npm packages in share/kizuna/web"
  VERBATIM)

# The manual page, from the built binary's --help and --version.
find_program(KIZUNA_HELP2MAN help2man)
set(KIZUNA_MAN_PAGE ${PROJECT_BINARY_DIR}/share/man/man1/kizuna.1)
if(KIZUNA_HELP2MAN)
  add_custom_command(OUTPUT ${KIZUNA_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/share/man/man1
    COMMAND ${CMAKE_COMMAND} -E env COLUMNS=80 KIZUNA_LANG=en
            ${KIZUNA_HELP2MAN} --locale=C.UTF-8 --no-info --no-discard-stderr --section 1
            --name "embedded graph database of collaboration relationships between organisations"
            --output ${KIZUNA_MAN_PAGE} $<TARGET_FILE:kizuna>
    DEPENDS kizuna
    COMMENT "Writing the manual page kizuna.1 with help2man"
    VERBATIM)
  add_custom_target(kizuna_man ALL DEPENDS ${KIZUNA_MAN_PAGE})
else()
  message(WARNING "help2man not found: no manual page (scripts/setup.sh installs it)")
endif()

install(TARGETS kizuna RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS kizuna_library EXPORT kizunaTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/facade/include/kizuna/kizuna.h
              ${PROJECT_BINARY_DIR}/generated/include/kizuna/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kizuna)

install(EXPORT kizunaTargets NAMESPACE kizuna:: DESTINATION ${KIZUNA_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kizunaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kizunaConfig.cmake INSTALL_DESTINATION ${KIZUNA_CMAKE_DIR})
# 0.x: a new minor version may break the API, so only the same major.minor satisfies a request.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kizunaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kizunaConfig.cmake ${PROJECT_BINARY_DIR}/kizunaConfigVersion.cmake
        DESTINATION ${KIZUNA_CMAKE_DIR})

file(RELATIVE_PATH KIZUNA_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" KIZUNA_PC_TO_PREFIX "${KIZUNA_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/kizuna.pc.in ${PROJECT_BINARY_DIR}/kizuna.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kizuna.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(CODE "
  if(EXISTS \"${KIZUNA_WEB_STAGE}/MISSING-NPM-PACKAGES\")
    file(READ \"${KIZUNA_WEB_STAGE}/MISSING-NPM-PACKAGES\" missing)
    message(FATAL_ERROR \"share/kizuna/web: \${missing}\")
  endif()")
install(DIRECTORY ${KIZUNA_WEB_STAGE}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kizuna/web)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kizuna/data)
if(KIZUNA_HELP2MAN)
  install(FILES ${KIZUNA_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
              ${PROJECT_SOURCE_DIR}/docs/library.md ${PROJECT_SOURCE_DIR}/docs/python.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
