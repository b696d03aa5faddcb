// StepEditor: the base of the detail editors of the four step types. It binds to one step of the
// document (following it through moves), refreshes the widgets from the document after every change
// (undo and redo included), and turns each widget edit into one undoable SetValueCommand: typing in a
// field uses the field as merge key, so a burst of typing is one step. Every editor has the step name;
// renaming goes through WorkspaceDocument::renameStep, so the expressions that refer to the step follow.
#pragma once

#include "document/StepRef.h"
#include "document/WorkspaceDocument.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace AuthStudio {

class StepEditor : public QWidget
{
    Q_OBJECT
public:
    StepEditor(WorkspaceDocument *document, StepType type, QWidget *parent = nullptr);

    StepType stepType() const { return m_type; }
    void setStep(const StepRef &ref);
    StepRef stepRef() const { return m_ref; }
    bool isBound() const;

    // The names expressions in this step may use (see WorkspaceDocument::namesKnownAt).
    void setKnownNames(const KnownNames &names);
    KnownNames knownNames() const { return m_knownNames; }

    // Puts the focus on the field a failed run names ("url", "header 'Authorization'", "code", ...).
    virtual void focusField(const QString &field);
    // The field the last change to the shown step was in, in focusField()'s terms ("header", "body");
    // empty when unknown or when another step was shown since. Undo and Redo show it.
    QString lastChangedField() const { return m_lastChangedField; }

    QLineEdit *nameEdit() const { return m_nameEdit; }

protected:
    // Shows the step's values; called with updates to the document suppressed.
    virtual void refresh(const Step &step) = 0;
    virtual void applyKnownNames(const KnownNames &names) = 0;
    // Called when the editor is bound to another step: marks that belonged to the last one go.
    virtual void otherStepBound() { }
    // Which field differs between two versions of the step, for lastChangedField(); empty by default.
    virtual QString changedField(const Step &before, const Step &after) const;

    // Adds the name row (and its problem line) to a subclass's form.
    void addNameRow(QFormLayout *form, const QString &label);
    WorkspaceDocument *document() const { return m_document; }
    bool isUpdating() const { return m_updating; }

    // Copies the step, lets `change` edit it as a T and pushes the result as one undoable edit.
    template<typename T, typename F> void editStep(const QString &text, const QString &mergeKey, F &&change)
    {
        if (m_updating || !isBound())
            return;
        Step step = m_document->step(m_ref);
        T *typed = std::get_if<T>(&step);
        if (!typed)
            return;
        change(*typed);
        m_document->setStep(m_ref, step, text, mergeKey);
    }

    // Calls `edited` with the field's text whenever the text itself changes. QPlainTextEdit::textChanged
    // also comes when only formats change: the highlighter marking names anew when the known names
    // change, which an Undo does before the step's fields show its result. Written back then, the stale
    // text was pushed as an edit in the middle of the Undo, and Redo crashed (QA pass 35).
    void onTextEdited(QPlainTextEdit *edit, std::function<void(const QString &)> edited);

    // Setters that leave a field alone when it already shows the value, so the cursor stays put while
    // the user types.
    static void showText(QLineEdit *edit, const QString &text);
    static void showText(QPlainTextEdit *edit, const QString &text);

private:
    void onDocumentChanged(const DocumentChange &change);
    void refreshFromDocument();
    void onNameEdited(const QString &name);
    void updateNameProblem();

    WorkspaceDocument *m_document;
    StepType m_type;
    StepRef m_ref;
    std::optional<Step> m_shownStep; // what refresh() last showed of this step
    QString m_lastChangedField;
    KnownNames m_knownNames;
    bool m_knownNamesSet = false; // until set, fields flag no name
    QLineEdit *m_nameEdit;
    QLabel *m_nameProblem;
    // The fields the last rename found already using the new name (ReferenceRenamer::clashes), and that
    // name: the rename can't be judged from the document afterwards, when both are spelled the same.
    QStringList m_renameClashes;
    QString m_renameClashName;
    bool m_updating = false;
    // The document change serial at binding time: changes up to it are already shown.
    quint64 m_boundSerial = 0;
};

} // namespace AuthStudio
