# `cpack -G DEB` in the build folder: kizuna_<version>_amd64.deb holding what `cmake --install` installs,
# under /usr, its library dependencies found by dpkg-shlibdeps. Install it with
# `sudo apt-get install ./kizuna_<version>_amd64.deb` (README, "Install on another machine").
# cpack packages the build as it is (its test builds it whole first): it does not build every target of
# the tree (tests, benchmarks) before installing.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kizuna)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Kizuna")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "embedded graph database of collaboration relationships between organisations")
set(CPACK_PACKAGE_DESCRIPTION
    "Kizuna keeps organisations (ministries, prefectures, companies, hospitals) and the typed, dated,
sourced ties between them in one SQLite file. The kizuna command answers who partners with whom,
how two entities are connected and what changed when, draws relationship maps and serves an explorer
page; libkizuna and the Python module embed the same in programs.")
set(CPACK_PACKAGE_CONTACT "Kizuna maintainers <kizuna@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kizuna_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)  # libkizuna.so.0.1's shlibs file for packages built on it
# Diagrams as PNG and PDF want fonts with Japanese and Vietnamese glyphs; the Python module its
# interpreter. (Graphviz's layout and render plugins come with libgvc6, which shlibdeps finds.)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, python3")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-networkx, python3-pandas")
set(CPACK_PACKAGE_CHECKSUM SHA256)
include(CPack)
