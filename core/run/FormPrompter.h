// FormPrompter: how a Form (modal) step gets its values. The studio shows a modal dialog, the CLI reads
// --input options, the environment or the terminal, tests feed values. Emit exactly one of answered,
// cancelled or failed per prompt() call, later (a dialog) or from inside prompt() (preset values): the
// runner handles both.
#pragma once

#include "model/FormStep.h"

#include <QJsonObject>
#include <QObject>

namespace AuthStudio {

class FormPrompter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void prompt(const FormStep &step) = 0;
    // The run was cancelled while a prompt was open: close it without answering.
    virtual void cancelPrompt() { }

Q_SIGNALS:
    void answered(const QJsonObject &values); // field key -> value
    void cancelled();
    // `fieldKey`: the field the prompt has no value for ("password"; the first of several), for the failure
    // to name it; empty when no one field is why.
    void failed(const QString &reason, const QString &fieldKey);
};

} // namespace AuthStudio
