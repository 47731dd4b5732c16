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
