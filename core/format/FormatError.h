// FormatError: why a workspace file could not be read or written: the file, the place in it
// (line:column for bad JSON, a JSON pointer for a bad field) and the reason.
#pragma once

#include <QList>
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
    // Each error's toString() on a line of its own, the first `shown` of them, then how many more: for a
    // dialog, which has room for a screenful.
    static QString listText(const QList<FormatError> &errors, qsizetype shown = 10);
};

} // namespace AuthStudio
