#include "FormStep.h"

namespace AuthStudio {

FormStep FormStep::withDefaultFields(const QString &name)
{
    FormStep step;
    step.name = name;
    step.fields = {
        {QStringLiteral("email"), QStringLiteral("Email"), FormField::Type::Email, true},
        {QStringLiteral("password"), QStringLiteral("Password"), FormField::Type::Password, true},
    };
    return step;
}

} // namespace AuthStudio
