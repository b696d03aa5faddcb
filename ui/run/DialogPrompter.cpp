#include "DialogPrompter.h"

#include "FormDialog.h"

#include <QWidget>

namespace AuthStudio {

namespace {

// The test hook: armed, and with what. Widgets live on the GUI thread only, so no locking.
struct NextAnswer
{
    bool armed = false;
    std::optional<QJsonObject> values;
};

NextAnswer &nextAnswer()
{
    static NextAnswer answer;
    return answer;
}

} // namespace

DialogPrompter::DialogPrompter(QWidget *dialogParent)
    : FormPrompter(dialogParent)
    , m_dialogParent(dialogParent)
{ }

DialogPrompter::~DialogPrompter()
{
    // The runner may outlive us and must not get an answer from a dialog nobody owns any more.
    if (m_dialog) {
        m_dialog->disconnect(this);
        delete m_dialog;
    }
}

void DialogPrompter::setNextAnswer(std::optional<QJsonObject> answer)
{
    nextAnswer() = {true, std::move(answer)};
}

void DialogPrompter::clearNextAnswer()
{
    nextAnswer() = {};
}

void DialogPrompter::prompt(const FormStep &step)
{
    cancelPrompt(); // one prompt at a time
    const quint64 id = ++m_promptId;
    if (nextAnswer().armed) {
        const std::optional<QJsonObject> answer = nextAnswer().values;
        nextAnswer() = {};
        m_hookPending = true;
        // From the event loop, as a person would answer: callers never see a re-entrant answer.
        QMetaObject::invokeMethod(
            this, [this, answer, id] { answerFromHook(answer, id); }, Qt::QueuedConnection);
        return;
    }
    // A title bar may cut a long title: the dialog also says in full who asks.
    auto *dialog =
        new FormDialog(step, m_dialogParent,
                       m_title.isEmpty() ? QString() : tr("%1 \u00b7 step %2").arg(m_title, step.name));
    if (!m_title.isEmpty())
        dialog->setWindowTitle(tr("%1 \u2014 %2").arg(m_title, step.name));
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, &DialogPrompter::onDialogFinished);
    // open() is window-modal and returns at once: no nested event loop, the run panel keeps repainting.
    dialog->open();
}

void DialogPrompter::answerFromHook(const std::optional<QJsonObject> &answer, quint64 promptId)
{
    if (!m_hookPending || promptId != m_promptId)
        return; // cancelled or superseded meanwhile
    m_hookPending = false;
    if (answer)
        Q_EMIT answered(*answer);
    else
        Q_EMIT cancelled();
}

void DialogPrompter::onDialogFinished(int result)
{
    FormDialog *dialog = m_dialog;
    if (!dialog || dialog != sender())
        return;
    m_dialog = nullptr;
    const QJsonObject values = dialog->values();
    dialog->deleteLater();
    if (result == QDialog::Accepted)
        Q_EMIT answered(values);
    else
        Q_EMIT cancelled();
}

void DialogPrompter::cancelPrompt()
{
    m_hookPending = false;
    if (FormDialog *dialog = m_dialog) {
        m_dialog = nullptr;
        dialog->disconnect(this); // closing it must not answer the run that cancelled it
        dialog->reject();
        dialog->deleteLater();
    }
}

} // namespace AuthStudio
