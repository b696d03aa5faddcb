#include "StepEditor.h"

#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include "widgets/WrappingLabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace AuthStudio {

StepEditor::StepEditor(WorkspaceDocument *document, StepType type, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_type(type)
    , m_nameEdit(new QLineEdit(this))
    , m_nameProblem(new QLabel(this))
{
    m_nameEdit->setObjectName(QStringLiteral("stepName"));
    m_nameEdit->setAccessibleName(tr("Step name"));
    m_nameEdit->setToolTip(tr("Later steps refer to this step's result by this name, e.g. {{ %1 }}")
                               .arg(Workflow().nextStepName(type)));
    m_nameProblem->setObjectName(QStringLiteral("stepNameProblem"));
    m_nameProblem->setWordWrap(true);
    WrappingLabel::keepNarrow(m_nameProblem);
    m_nameProblem->hide();
    connect(m_nameEdit, &QLineEdit::textEdited, this, &StepEditor::onNameEdited);
    connect(m_document, &WorkspaceDocument::changed, this, &StepEditor::onDocumentChanged);
}

void StepEditor::setStep(const StepRef &ref)
{
    const bool other = ref != m_ref;
    m_ref = ref;
    if (other)
        otherStepBound();
    m_shownStep.reset();
    m_lastChangedField.clear();
    m_renameClashes.clear();
    m_renameClashName.clear();
    m_boundSerial = m_document->changeSerial();
    refreshFromDocument();
}

bool StepEditor::isBound() const
{
    return m_document->isValidStep(m_ref) && AuthStudio::stepType(m_document->step(m_ref)) == m_type;
}

void StepEditor::setKnownNames(const KnownNames &names)
{
    // The workflow editor hands the names over after every edit of the document, a keystroke in a body
    // among them; most edits leave them as they were, and the fields (and the JSON status) already show
    // them.
    if (m_knownNamesSet && names == m_knownNames)
        return;
    m_knownNamesSet = true;
    m_knownNames = names;
    applyKnownNames(names);
}

void StepEditor::focusField(const QString &field)
{
    if (field.compare(QStringLiteral("name"), Qt::CaseInsensitive) == 0)
        m_nameEdit->setFocus(Qt::OtherFocusReason);
}

void StepEditor::addNameRow(QFormLayout *form, const QString &label)
{
    form->addRow(label, m_nameEdit);
    form->addRow(QString(), m_nameProblem);
}

void StepEditor::onTextEdited(QPlainTextEdit *edit, std::function<void(const QString &)> edited)
{
    connect(edit, &QPlainTextEdit::textChanged, this,
            [edit, edited = std::move(edited), last = edit->toPlainText()]() mutable {
                QString text = edit->toPlainText();
                if (text == last)
                    return;
                last = text;
                edited(text);
            });
}

void StepEditor::showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

void StepEditor::showText(QPlainTextEdit *edit, const QString &text)
{
    const QString shown = edit->toPlainText();
    if (shown == text)
        return;
    // Only the part that differs is replaced (Undo and Redo change a few characters): the cursor, the
    // scroll position and a run's error mark stay with the text around it, as they do when typing.
    const qsizetype common = std::min(shown.size(), text.size());
    qsizetype prefix = 0;
    while (prefix < common && shown.at(prefix) == text.at(prefix))
        ++prefix;
    if (prefix > 0 && shown.at(prefix - 1).isHighSurrogate())
        --prefix; // never between the two halves of one character
    qsizetype suffix = 0;
    while (suffix < common - prefix &&
           shown.at(shown.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;
    if (suffix > 0 && shown.at(shown.size() - suffix).isLowSurrogate())
        --suffix;
    QTextCursor cursor(edit->document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(shown.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    // The field's own history is the document's to keep: typed edits merge into its commands, and its
    // Undo must not replay this change.
    edit->document()->clearUndoRedoStacks();
}

void StepEditor::onDocumentChanged(const DocumentChange &change)
{
    if (m_ref.isNull() || change.serial <= m_boundSerial)
        return;
    m_ref = change.mapStep(m_ref);
    if (m_ref.isNull() || change.affectsStep(m_ref))
        refreshFromDocument();
    else if (isBound() && change.affectsWorkflow(m_ref.resource, m_ref.workflow))
        updateNameProblem(); // another step's name may now clash with this one, or no longer
}

void StepEditor::refreshFromDocument()
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    setEnabled(isBound());
    if (!isBound())
        return;
    const Step &step = m_document->step(m_ref);
    if (m_shownStep && *m_shownStep != step)
        m_lastChangedField = changedField(*m_shownStep, step);
    m_shownStep = step;
    showText(m_nameEdit, stepName(step));
    updateNameProblem();
    refresh(step);
}

QString StepEditor::changedField(const Step &before, const Step &after) const
{
    if (stepName(before) != stepName(after))
        return QStringLiteral("name");
    return stepEnabled(before) != stepEnabled(after) ? QStringLiteral("enabled") : QString();
}

void StepEditor::onNameEdited(const QString &name)
{
    if (m_updating || !isBound())
        return;
    // Later steps (and, for a variable, the resource's headers) follow the new name in the same step.
    const QString newName = name.trimmed();
    m_renameClashName = newName;
    m_renameClashes = m_document->renameClashes(m_ref, newName);
    m_document->renameStep(m_ref, newName, QStringLiteral("name"));
}

void StepEditor::updateNameProblem()
{
    const QString name = stepName(m_document->step(m_ref));
    const Workflow &workflow = m_document->workflow(m_ref.resource, m_ref.workflow);
    int uses = 0;
    for (const Step &step : workflow.steps)
        uses += stepName(step) == name ? 1 : 0;
    if (name != m_renameClashName)
        m_renameClashes.clear(); // undone, or renamed by other means
    bool workspaceVariable = false;
    for (const KeyValue &variable : m_document->workspace().variables)
        workspaceVariable = workspaceVariable || (variable.enabled && variable.name == name);
    QString problem;
    if (!WorkspaceValidator::isIdentifier(name))
        problem = tr("Use letters, digits, _ and $ (not starting with a digit), so expressions can name it.");
    else if (JavaScriptIdentifier::isReservedWord(name))
        problem =
            tr("\"%1\" is a JavaScript keyword, which expressions can't name. Pick another name.").arg(name);
    else if (uses > 1)
        problem = tr("Another step of this workflow is named \"%1\".").arg(name);
    else if (!m_renameClashes.isEmpty())
        problem = tr("\"%1\" already meant something else in %2, which can't tell it from this step now. "
                     "Undo, or pick another name.")
                      .arg(name, m_renameClashes.join(QStringLiteral(", ")));
    else if (workspaceVariable)
        problem = tr("A workspace variable is also named \"%1\"; after this step, \"%1\" means this step's "
                     "value.")
                      .arg(name);
    else if (JavaScriptIdentifier::isBuiltinGlobal(name))
        problem =
            tr("\"%1\" is also JavaScript's: the scripts and expressions after this step see the step's "
               "value instead.")
                .arg(name);
    m_nameProblem->setText(problem);
    m_nameProblem->setVisible(!problem.isEmpty());
}

} // namespace AuthStudio
