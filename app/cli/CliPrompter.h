// CliPrompter: answers Form steps for the command line. A field's value comes from --input step.field=VALUE,
// else from the environment variable AUTHSTUDIO_INPUT_<STEP>_<FIELD> (upper case, e.g.
// AUTHSTUDIO_INPUT_FORM1_PASSWORD), else from a prompt on the terminal (passwords without echo), else
// the prompt fails with a message naming the field and both ways to give it.
#pragma once

#include "run/FormPrompter.h"

#include <QHash>

class CliPrompter : public AuthStudio::FormPrompter
{
    Q_OBJECT
public:
    explicit CliPrompter(const QHash<QString, QString> &inputs, QObject *parent = nullptr);

    static QString environmentName(const QString &stepName, const QString &fieldKey);
    void prompt(const AuthStudio::FormStep &step) override;

private:
    QHash<QString, QString> m_inputs;
};
