#include "MessagePrompt.h"

#include <QAbstractButton>
#include <QPointer>
#include <QTimer>

namespace AuthStudio {

namespace {

struct HookState
{
    std::optional<MessagePrompt::Button> nextAnswer;
    QString lastText;
    QHash<MessagePrompt::Button, QString> lastLabels;
    int count = 0;
};

HookState &hook()
{
    static HookState state;
    return state;
}

} // namespace

void MessagePrompt::ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                        QMessageBox::StandardButtons buttons, Button defaultButton, QObject *context,
                        std::function<void(Button)> done, const QHash<Button, QString> &labels)
{
    hook().lastText = text;
    hook().lastLabels = labels;
    ++hook().count;
    if (hook().nextAnswer) {
        const Button answer = *hook().nextAnswer;
        hook().nextAnswer.reset();
        QTimer::singleShot(0, context, [done = std::move(done), answer] { done(answer); });
        return;
    }
    auto *box = new QMessageBox(icon, title, text, buttons, parent);
    box->setDefaultButton(defaultButton);
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        if (QAbstractButton *button = box->button(it.key()))
            button->setText(it.value());
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QObject::connect(box, &QMessageBox::finished, context, [box, done = std::move(done)](int) {
        QAbstractButton *clicked = box->clickedButton();
        done(clicked ? box->standardButton(clicked) : QMessageBox::Cancel);
    });
    box->open();
}

void MessagePrompt::warn(QWidget *parent, const QString &title, const QString &text)
{
    hook().lastText = text;
    ++hook().count;
    if (hook().nextAnswer) {
        hook().nextAnswer.reset();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void MessagePrompt::setNextAnswer(std::optional<Button> answer)
{
    hook().nextAnswer = answer;
}

bool MessagePrompt::hasNextAnswer()
{
    return hook().nextAnswer.has_value();
}

QHash<MessagePrompt::Button, QString> MessagePrompt::lastLabels()
{
    return hook().lastLabels;
}

QString MessagePrompt::lastText()
{
    return hook().lastText;
}

int MessagePrompt::count()
{
    return hook().count;
}

} // namespace AuthStudio
