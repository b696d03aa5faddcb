// DefineVariableStep: saves a value (usually a token) as a variable of the session. The variable is
// visible in the scope under its own name and is what resource headers refer to ({{ TOKEN }}).
#pragma once

#include <QString>

namespace AuthStudio {

struct DefineVariableStep
{
    QString name = QStringLiteral("TOKEN"); // the variable's name
    bool enabled = true;
    QString value; // an expression template, e.g. {{ http1.body.token }}
    bool secret = true;

    bool operator==(const DefineVariableStep &) const = default;
};

} // namespace AuthStudio
