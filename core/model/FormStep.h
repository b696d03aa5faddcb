// FormStep: asks the user for values through a modal form. Its values land in the scope under the
// step's name (form1.email, form1.password).
#pragma once

#include "FormField.h"

#include <QList>

namespace AuthStudio {

struct FormStep
{
    QString name = QStringLiteral("form1");
    bool enabled = true;
    QList<FormField> fields;

    // A new Form step asks for email and password, as in Retool.
    static FormStep withDefaultFields(const QString &name);
    bool operator==(const FormStep &) const = default;
};

} // namespace AuthStudio
