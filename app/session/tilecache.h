#pragma once

#include <cstdint>
#include <filesystem>

namespace sv {

// Where online tiles are kept (the user's cache folder), and how much of it
// they may take: enough for a briefing's views at several zooms, offline.
std::filesystem::path tileCacheDirectory();
inline constexpr std::uint64_t kTileCacheLimitBytes = 512ull << 20;

} // namespace sv
