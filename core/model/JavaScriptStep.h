// JavaScriptStep: runs code against the scope; the code is a function body, its return value lands in
// the scope under the step's name (js1).
#pragma once

#include <QString>

namespace AuthStudio {

struct JavaScriptStep
{
    QString name = QStringLiteral("js1");
    bool enabled = true;
    QString code;

    bool operator==(const JavaScriptStep &) const = default;
};

} // namespace AuthStudio
