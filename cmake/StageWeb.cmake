# Run at build time (cmake -P): copies the explorer page into the build's share/kizuna/web, as it is
# installed: the page's own files (web/ without its tests, npm manifests and node_modules) and, from
# web/node_modules, the packages the page runs with — the non-development packages of package-lock.json,
# each with its package.json, licence and dist/ folder (the whole package when it has no dist/).
# Without web/node_modules (no `npm ci --prefix web` yet) the page is staged without them and a marker
# says so; installing then stops with that advice (KizunaInstall.cmake).
# Inputs: SOURCE (web/), DEST (build/share/kizuna/web).
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${DEST}")
file(MAKE_DIRECTORY "${DEST}")
file(GLOB entries RELATIVE "${SOURCE}" "${SOURCE}/*")
foreach(entry IN LISTS entries)
  if(entry MATCHES "^(node_modules|tests|package\\.json|package-lock\\.json|\\..*)$")
    continue()
  endif()
  file(COPY "${SOURCE}/${entry}" DESTINATION "${DEST}")
endforeach()

set(missing "")
file(READ "${SOURCE}/package-lock.json" lock)
string(JSON count LENGTH "${lock}" packages)
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
  string(JSON folder MEMBER "${lock}" packages ${index})
  if(NOT folder MATCHES "^node_modules/")
    continue()
  endif()
  string(JSON dev ERROR_VARIABLE no_dev GET "${lock}" packages "${folder}" dev)
  if(dev STREQUAL "ON" OR dev STREQUAL "true")
    continue()
  endif()
  set(from "${SOURCE}/${folder}")
  if(NOT EXISTS "${from}/package.json")
    list(APPEND missing "${folder}")
    continue()
  endif()
  get_filename_component(to "${DEST}/${folder}" DIRECTORY)
  if(EXISTS "${from}/dist")
    file(GLOB licences "${from}/LICENSE*" "${from}/LICENCE*")
    file(COPY "${from}/package.json" "${from}/dist" ${licences} DESTINATION "${DEST}/${folder}")
  else()
    file(COPY "${from}" DESTINATION "${to}" PATTERN node_modules EXCLUDE)
  endif()
endforeach()

if(missing)
  string(REPLACE ";" ", " missing "${missing}")
  file(WRITE "${DEST}/MISSING-NPM-PACKAGES"
       "${missing}: not in web/node_modules; run `npm ci --prefix web` and build again\n")
  message(WARNING "the explorer page is staged without ${missing}: run `npm ci --prefix web`")
endif()
