// MessagePrompt: questions and warnings for the user without a nested event loop: the message box opens
// window-modal with open() and the answer arrives through a callback. Tests answer the next prompt
// through setNextAnswer() (the answer still arrives from the event loop, like a real one) and read what
// was asked through lastText(), in the style of KeePassXC's MessageBox::setNextAnswer.
#pragma once

#include <QHash>
#include <QMessageBox>

#include <functional>
#include <optional>

namespace AuthStudio {

class MessagePrompt
{
public:
    using Button = QMessageBox::StandardButton;

    // `done` runs once, with the button pressed (Escape gives the escape button), unless `context` is gone.
    // `labels` names buttons in the question's own words, with their Alt keys ("&Discard").
    static void ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                    QMessageBox::StandardButtons buttons, Button defaultButton, QObject *context,
                    std::function<void(Button)> done, const QHash<Button, QString> &labels = {});
    // The labels of the last prompt's buttons, for tests.
    static QHash<Button, QString> lastLabels();
    // A warning with an OK button; nobody waits for it.
    static void warn(QWidget *parent, const QString &title, const QString &text);

    // Tests: the next prompt is answered with this button without showing anything. Applies once.
    static void setNextAnswer(std::optional<Button> answer);
    static bool hasNextAnswer();
    // The text of the last prompt or warning, and how many there were.
    static QString lastText();
    static int count();
};

} // namespace AuthStudio
