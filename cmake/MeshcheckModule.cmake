# meshcheck_module(NAME SOURCES ... [DEPS module...] [EXTERNAL target...])
#
# Declares one core module as the static library mc_<NAME>. Its headers are reachable as
# "<NAME>/header.h" only by targets that link it: each module gets an include root holding a
# single symlink to its own folder, and modules link each other PRIVATE-ly, so an include
# across an undeclared dependency fails the build (DESIGN.md, "Dependencies point one way").
function(meshcheck_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;EXTERNAL" ${ARGN})
  set(target mc_${name})
  add_library(${target} STATIC ${M_SOURCES})
  set(root "${CMAKE_BINARY_DIR}/module-include/${name}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${root}/${name}" SYMBOLIC)
  target_include_directories(${target} PUBLIC "${root}" "${PROJECT_SOURCE_DIR}/core/include")
  foreach(dep IN LISTS M_DEPS)
    target_link_libraries(${target} PRIVATE mc_${dep})
  endforeach()
  foreach(ext IN LISTS M_EXTERNAL)
    target_link_libraries(${target} PRIVATE ${ext})
  endforeach()
  meshcheck_warnings(${target})
endfunction()

# Reaching a module's headers from a front-end or a test: link the module PUBLIC-ly.
function(meshcheck_use target)
  foreach(dep IN LISTS ARGN)
    target_link_libraries(${target} PRIVATE mc_${dep})
  endforeach()
endfunction()

function(meshcheck_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  # GCC 12 at -O3 warns -Wrestrict on inlined std::string concatenation, a false positive
  # (GCC bug 105329); it fires or not depending on inlining, so it cannot gate the build.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(MESHCHECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
