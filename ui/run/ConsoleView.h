// ConsoleView: the run panel's Console: every line the run's JavaScript steps wrote with console.log() and
// the others, in run order, as "js1: console.log: hello", masked with the run's secrets (there is no
// revealing them here); warnings and errors tinted, debug lines dimmed. Selecting a step in the run log
// marks that step's lines and scrolls to them. The text is read-only, not inert: lines can be selected and
// copied.
#pragma once

#include "run/StepResult.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace AuthStudio {

class ConsoleView : public QWidget
{
    Q_OBJECT
public:
    explicit ConsoleView(QWidget *parent = nullptr);

    // Shows the console lines of these steps, masked with `secrets`, in place of what was shown.
    void setSteps(const QList<StepResult> &steps, const QSet<QString> &secrets);
    void clear();
    int lineCount() const { return m_lineCount; }
    // What is shown, one console line per line.
    QString text() const;
    QPlainTextEdit *textView() const { return m_text; }

    // Marks the lines of the workflow step at `stepIndex` (-1: none) and scrolls to them; kept across
    // setSteps().
    void markStep(int stepIndex);
    int markedStep() const { return m_markedStep; }
    // The lines marked now, as shown.
    QStringList markedLines() const;

private:
    struct Span
    {
        int firstBlock = 0;
        int blockCount = 0;
    };

    QLabel *m_title;
    QPlainTextEdit *m_text;
    QHash<int, Span> m_spans; // step index -> its lines' blocks
    int m_lineCount = 0;
    int m_markedStep = -1;
};

} // namespace AuthStudio
