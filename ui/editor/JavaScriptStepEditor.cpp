#include "JavaScriptStepEditor.h"

#include "script/ScriptEngine.h"
#include "widgets/CodeEditor.h"
#include "widgets/JavaScriptHighlighter.h"
#include "widgets/WrappingLabel.h"

#include <QApplication>
#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QTimer>
#include <QVBoxLayout>

namespace AuthStudio {

JavaScriptStepEditor::JavaScriptStepEditor(WorkspaceDocument *document, QWidget *parent)
    : StepEditor(document, StepType::JavaScript, parent)
    , m_code(new CodeEditor(this))
    , m_codeProblem(new QLabel(this))
    , m_syntaxCheck(new QTimer(this))
{
    m_code->setObjectName(QStringLiteral("javascriptCode"));
    m_code->setAccessibleName(tr("JavaScript code"));
    m_code->setToolTip(tr("A function body. Earlier steps are globals (form1, http1, ...): their fields are "
                          "offered after a dot, and Ctrl+Space offers the names. The global auth offers "
                          "base64, sha256, hmacSha256, randomUUID and jwtDecode; console.log() writes to "
                          "the Test panel's Console."));
    new JavaScriptHighlighter(m_code->document());
    m_codeProblem->setObjectName(QStringLiteral("codeProblem"));
    m_codeProblem->setWordWrap(true);
    WrappingLabel::keepNarrow(m_codeProblem);
    m_codeProblem->hide();

    auto *form = new QFormLayout;
    addNameRow(form, tr("Step name"));
    auto *hint = new QLabel(tr("The value the code returns becomes this step's result; what it writes "
                               "with console.log() shows in the Test panel's Console."),
                            this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_code, 1);
    layout->addWidget(m_codeProblem);
    layout->addWidget(hint);

    m_syntaxCheck->setSingleShot(true);
    m_syntaxCheck->setInterval(SyntaxCheckPauseMs);
    connect(m_syntaxCheck, &QTimer::timeout, this, &JavaScriptStepEditor::checkSyntax);

    onTextEdited(m_code, [this](const QString &code) {
        onCodeChanged(code);
        m_syntaxCheck->start();
    });
    connect(m_code, &CodeEditor::diagnosticChanged, this, [this](const QString &diagnostic) {
        m_nameDiagnostic = diagnostic;
        showCodeProblem();
    });
}

ScriptEngine *JavaScriptStepEditor::syntaxChecker()
{
    static QPointer<ScriptEngine> engine;
    if (!engine)
        engine = new ScriptEngine(qApp); // goes with the application
    return engine;
}

void JavaScriptStepEditor::checkSyntax()
{
    if (!isBound())
        return;
    // Compiled only, nothing of it runs; a step's code is compiled again (from the cache) when it runs.
    const QString code = m_code->toPlainText();
    m_syntaxError = code.trimmed().isEmpty()
        ? QString()
        : syntaxChecker()->syntaxError(code, stepName(document()->step(stepRef()))).value_or(QString());
    if (!m_syntaxError.isEmpty()) {
        m_code->setErrorLine(CodeEditor::lineFromErrorMessage(m_syntaxError), m_syntaxError);
        m_syntaxMarked = true;
    } else if (m_syntaxMarked) {
        m_code->clearErrorLine();
        m_syntaxMarked = false;
    }
    showCodeProblem();
    Q_EMIT syntaxChecked();
}

void JavaScriptStepEditor::showCodeProblem()
{
    // A disabled or later step is still in the list, so the line says why its name is unknown here.
    QStringList problems;
    if (!m_syntaxError.isEmpty())
        problems.append(tr("\u26A0 %1: it doesn't compile, so a run stops here.").arg(m_syntaxError));
    if (!m_nameDiagnostic.isEmpty())
        problems.append(tr("\u26A0 %1. Code can read only the enabled steps before this one.")
                            .arg(QString(m_nameDiagnostic).replace(u'\n', QStringLiteral("; "))));
    m_codeProblem->setText(problems.join(u'\n'));
    m_codeProblem->setVisible(!problems.isEmpty());
}

void JavaScriptStepEditor::refresh(const Step &step)
{
    const bool changed = m_code->toPlainText() != std::get<JavaScriptStep>(step).code;
    showText(m_code, std::get<JavaScriptStep>(step).code);
    if (changed || !m_syntaxCheck->isActive())
        m_syntaxCheck->start(); // another step's code, or this one's undone
}

void JavaScriptStepEditor::applyKnownNames(const KnownNames &names)
{
    m_code->setKnownNames(names);
}

void JavaScriptStepEditor::focusField(const QString &field)
{
    if (field.contains(QStringLiteral("code"), Qt::CaseInsensitive) || field.isEmpty())
        m_code->setFocus(Qt::OtherFocusReason);
    else
        StepEditor::focusField(field);
}

void JavaScriptStepEditor::setErrorLine(int line, const QString &message)
{
    m_code->setErrorLine(line, message);
    m_syntaxMarked = false;
}

void JavaScriptStepEditor::otherStepBound()
{
    m_code->clearErrorLine(); // it belonged to the step shown before
    m_syntaxMarked = false;
    m_syntaxError.clear();
    showCodeProblem();
}

void JavaScriptStepEditor::onCodeChanged(const QString &code)
{
    editStep<JavaScriptStep>(tr("Edit code"), QStringLiteral("code"),
                             [&code](JavaScriptStep &s) { s.code = code; });
}

} // namespace AuthStudio
