// PresetPrompter: answers Form steps from values given up front, keyed "step.field" (form1.password).
// Used by tests and by the CLI's --input options. A required field without a value fails the prompt
// with a message naming it, unless a fallback prompter is set to ask for the rest.
#pragma once

#include "FormPrompter.h"

#include <QHash>
#include <QPointer>

namespace AuthStudio {

class PresetPrompter : public FormPrompter
{
    Q_OBJECT
public:
    explicit PresetPrompter(QObject *parent = nullptr);

    void setValue(const QString &stepDotField, const QString &value) { m_values.insert(stepDotField, value); }
    void setValues(const QHash<QString, QString> &values) { m_values = values; }
    void setCancelAll(bool cancel) { m_cancelAll = cancel; } // tests: behave like a user pressing Esc
    int promptCount() const { return m_promptCount; }

    void prompt(const FormStep &step) override;

private:
    QHash<QString, QString> m_values;
    bool m_cancelAll = false;
    int m_promptCount = 0;
};

} // namespace AuthStudio
