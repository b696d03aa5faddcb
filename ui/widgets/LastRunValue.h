// LastRunValue: what a field holding {{ expressions }} came to in the last test run, as the editors'
// tooltips show it: evaluated with the engine's own lookup of plain paths (no JavaScript runs for a
// tooltip), secrets masked by value and secret variables whole, and cut to a readable length.
#pragma once

#include <QStringList>

namespace AuthStudio {

class Scope;

class LastRunValue
{
public:
    // Null when the run left nothing (no run, or a name it didn't have), the text names something not in
    // `knownNames` (a later step's result is in the run's scope, but not where this field runs) or the
    // text needs JavaScript; empty when it came to an empty string.
    static QString of(const QString &text, const Scope &lastRun, const QStringList &knownNames);
    // The tooltip line: "In the last test run: ...".
    static QString describe(const QString &value);
};

} // namespace AuthStudio
