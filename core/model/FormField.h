// FormField: one input of a Form (modal) step. Password fields are secret: their values are masked
// everywhere and never written to a workspace file.
#pragma once

#include <QString>

namespace AuthStudio {

struct FormField
{
    enum class Type { Text, Email, Password };

    QString key;
    QString label;
    Type type = Type::Text;
    bool required = true;

    bool isSecret() const { return type == Type::Password; }
    bool operator==(const FormField &) const = default;
};

} // namespace AuthStudio
