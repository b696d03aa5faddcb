// WorkspaceFormat: the identity of the workspace file format. Bump FormatVersion when the format
// changes incompatibly and teach WorkspaceReader to migrate the older version.
#pragma once

#include <QString>

namespace AuthStudio::WorkspaceFormat {

inline constexpr int FormatVersion = 1;
inline QString formatName()
{
    return QStringLiteral("authstudio-workspace");
}
inline QString fileSuffix()
{
    return QStringLiteral(".authstudio.json");
}
// A resource exported on its own.
inline QString resourceFormatName()
{
    return QStringLiteral("authstudio-resource");
}
inline QString resourceFileSuffix()
{
    return QStringLiteral(".authstudio-resource.json");
}

} // namespace AuthStudio::WorkspaceFormat
