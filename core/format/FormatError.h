// FormatError: why a workspace file could not be read or written: the file, the place in it
// (line:column for bad JSON, a JSON pointer for a bad field) and the reason.
#pragma once

#include <QString>

namespace AuthStudio {

struct FormatError
{
    QString file;
    QString place;
    QString reason;

    bool isNull() const { return reason.isEmpty(); }
    // "FILE: PLACE: REASON", the form the CLI and dialogs show.
    QString toString() const;
};

} // namespace AuthStudio
