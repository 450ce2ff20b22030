// The fuzz targets' one entry point, as libFuzzer calls it: each target file defines it, and is
// linked either with libFuzzer (fuzz_NAME, clang, -DFISCGEN_FUZZ=ON) or with replay_main.cpp
// (replay_NAME, any compiler: an ordinary test replaying tests/fuzz/corpus/NAME/).
#pragma once

#include <cstddef>
#include <cstdint>

/// Runs one input. Returns 0; anything but fiscgen::Error escaping, a crash, a sanitizer report
/// or a hang is a finding.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
