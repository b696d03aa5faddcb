// DialogPrompter: answers Form (modal) steps in the studio with a window-modal FormDialog opened with
// open(), never exec(), so the run stays on the main event loop. Tests can answer the next prompt without
// a dialog through setNextAnswer(), in the style of KeePassXC's MessageBox::setNextAnswer.
#pragma once

#include "FormDialog.h"
#include "run/FormPrompter.h"

#include <QPointer>

#include <optional>

namespace AuthStudio {

class DialogPrompter : public FormPrompter
{
    Q_OBJECT
public:
    // Dialogs open over dialogParent's window; the prompter is a child of dialogParent.
    explicit DialogPrompter(QWidget *dialogParent);
    ~DialogPrompter() override;

    void setTitle(const QString &title) { m_title = title; }
    QString title() const { return m_title; }

    void prompt(const FormStep &step) override;
    void cancelPrompt() override;

    // The open dialog, or null.
    FormDialog *dialog() const { return m_dialog; }

    // Tests: the next prompt (of any DialogPrompter) is answered with these values, or cancelled when
    // nullopt, from the event loop and without showing a dialog. Applies once.
    static void setNextAnswer(std::optional<QJsonObject> answer);
    static void clearNextAnswer();

private:
    void onDialogFinished(int result);
    void answerFromHook(const std::optional<QJsonObject> &answer, quint64 promptId);

    QPointer<QWidget> m_dialogParent;
    QPointer<FormDialog> m_dialog;
    QString m_title;
    // Tells a queued test answer whether its prompt is still the current one (not cancelled meanwhile).
    quint64 m_promptId = 0;
    bool m_hookPending = false;
};

} // namespace AuthStudio
