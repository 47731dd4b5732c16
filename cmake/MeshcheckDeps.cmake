# Third-party dependencies, resolved the same way for the native and the emscripten build.

if(EMSCRIPTEN)
  # Never add /usr/include to an emscripten compile (it shadows the wasm sysroot): expose only
  # the nlohmann/ folder through a symlink in the build tree.
  find_path(MESHCHECK_NLOHMANN_ROOT nlohmann/json.hpp
            PATHS /usr/include /usr/local/include NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
  if(NOT MESHCHECK_NLOHMANN_ROOT)
    message(FATAL_ERROR "nlohmann/json.hpp not found (apt-get install nlohmann-json3-dev)")
  endif()
  set(_shim "${CMAKE_BINARY_DIR}/nlohmann-shim")
  file(MAKE_DIRECTORY "${_shim}")
  file(CREATE_LINK "${MESHCHECK_NLOHMANN_ROOT}/nlohmann" "${_shim}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_shim}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()

# zlib, for the zip layer (core/src/ingest/zip.cc). Debian's emscripten has no zlib in its
# sysroot, so both builds compile the same source: Debian's zlib source package, which
# scripts/install-deps.sh fetches (scripts/fetch-zlib.sh). Its headers are reached through a
# folder holding only zlib.h and zconf.h, and its warnings are not ours: no -Werror here.
set(MESHCHECK_ZLIB_SOURCE_DIR "${PROJECT_SOURCE_DIR}/build/third_party/zlib" CACHE PATH
    "zlib sources (Debian's zlib source package, fetched by scripts/fetch-zlib.sh)")
if(NOT EXISTS "${MESHCHECK_ZLIB_SOURCE_DIR}/inflate.c")
  message(FATAL_ERROR "zlib sources not found in ${MESHCHECK_ZLIB_SOURCE_DIR}. "
                      "Run scripts/install-deps.sh (it fetches Debian's zlib source package).")
endif()
enable_language(C)
set(_zlib_sources adler32.c crc32.c deflate.c inffast.c inflate.c inftrees.c trees.c zutil.c)
list(TRANSFORM _zlib_sources PREPEND "${MESHCHECK_ZLIB_SOURCE_DIR}/")
add_library(mc_zlib STATIC ${_zlib_sources})
set(_zlib_include "${CMAKE_BINARY_DIR}/zlib-include")
foreach(_header zlib.h zconf.h)
  configure_file("${MESHCHECK_ZLIB_SOURCE_DIR}/${_header}" "${_zlib_include}/${_header}" COPYONLY)
endforeach()
target_include_directories(mc_zlib SYSTEM PUBLIC "${_zlib_include}")
target_compile_options(mc_zlib PRIVATE -w)
