// ExpressionLineEdit: the one-line editor for step and resource fields that may hold {{ expressions }}.
// It tints the {{ }} parts, completes step and variable names after "{{", and marks a root name the run
// would not know (and an unclosed "{{") with a red underline, a corner flag and a tooltip, so the mistake
// shows before the workflow runs. After a test run, its tooltip also tells what the field came to in it.
#pragma once

#include <functional>

#include "NameCompleter.h"
#include "TemplateAnalysis.h"
#include "script/KnownNames.h"

#include <QLineEdit>
#include <QStringList>

namespace AuthStudio {

class ExpressionLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    using Range = TemplateAnalysis::Range;

    explicit ExpressionLineEdit(QWidget *parent = nullptr);
    explicit ExpressionLineEdit(const QString &text, QWidget *parent = nullptr);

    // The names expressions in this field may use (earlier steps, variables). Until this is called no
    // name is flagged, since the field can't tell what the run will know.
    void setKnownNames(const KnownNames &names);
    // All of them, values first.
    QStringList knownNames() const { return m_knownNames; }

    // Names the text uses that are not known, in order of appearance: roots ("TOKN"), and fields a form or
    // request step doesn't have ("form1.emial").
    QStringList unknownNames() const { return m_unknownNames; }
    // What is wrong with the text ("unknown name 'X'", the template's parse error, or the text check's
    // message), or empty.
    QString diagnostic() const { return m_diagnostic; }
    // A check of the whole text particular to this field (a URL must be an http:// address): its message
    // is the field's diagnostic when no name is wrong, with the text's written start underlined.
    void setTextCheck(std::function<QString(const QString &)> check);
    // Where the {{ }} parts are (braces included), and where the unknown names are.
    QList<Range> expressionRanges() const { return m_expressionRanges; }
    QList<Range> unknownNameRanges() const { return m_unknownRanges; }

    // What the field came to in the last test run (KnownNames::lastRun; see LastRunValue), for the tooltip.
    QString lastRunValue() const;

    NameCompleter *nameCompleter() const { return m_completer; }
    // Opens completion when the cursor is right after "{{" or a partial name inside one.
    void showCompletions();

Q_SIGNALS:
    void diagnosticChanged(const QString &diagnostic);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void analyse();
    void onTextEdited();
    void insertCompletion(const QString &name);
    int xForPosition(int position) const;

    QStringList m_knownNames;
    QHash<QString, QStringList> m_knownFields; // KnownNames::members
    Scope m_lastRun;
    bool m_checkNames = false;
    QStringList m_unknownNames;
    QString m_diagnostic;
    std::function<QString(const QString &)> m_textCheck;
    QList<Range> m_expressionRanges;
    QList<Range> m_unknownRanges;
    NameCompleter *m_completer;
};

} // namespace AuthStudio
