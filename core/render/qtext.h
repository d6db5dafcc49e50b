#pragma once

#include <QString>

#include <string_view>

namespace sv {

// Text of the core (UTF-8, std::string or std::string_view) as a QString:
// the one conversion the Qt layers share.
inline QString q(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

} // namespace sv
