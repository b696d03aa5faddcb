#include "JavaScriptStepEditor.h"

#include "widgets/CodeEditor.h"
#include "widgets/JavaScriptHighlighter.h"
#include "widgets/WrappingLabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace AuthStudio {

JavaScriptStepEditor::JavaScriptStepEditor(WorkspaceDocument *document, QWidget *parent)
    : StepEditor(document, StepType::JavaScript, parent)
    , m_code(new CodeEditor(this))
    , m_codeProblem(new QLabel(this))
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

    onTextEdited(m_code, [this](const QString &code) { onCodeChanged(code); });
    connect(m_code, &CodeEditor::diagnosticChanged, this, &JavaScriptStepEditor::showCodeProblem);
}

void JavaScriptStepEditor::showCodeProblem(const QString &diagnostic)
{
    // A disabled or later step is still in the list, so the line says why its name is unknown here.
    m_codeProblem->setText(diagnostic.isEmpty()
                               ? QString()
                               : tr("\u26A0 %1. Code can read only the enabled steps before this one.")
                                     .arg(QString(diagnostic).replace(u'\n', QStringLiteral("; "))));
    m_codeProblem->setVisible(!diagnostic.isEmpty());
}

void JavaScriptStepEditor::refresh(const Step &step)
{
    showText(m_code, std::get<JavaScriptStep>(step).code);
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
}

void JavaScriptStepEditor::otherStepBound()
{
    m_code->clearErrorLine(); // it belonged to the step shown before
}

void JavaScriptStepEditor::onCodeChanged(const QString &code)
{
    editStep<JavaScriptStep>(tr("Edit code"), QStringLiteral("code"),
                             [&code](JavaScriptStep &s) { s.code = code; });
}

} // namespace AuthStudio
