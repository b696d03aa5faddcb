// FormDialog: the dialog a Form (modal) step shows during a run: one line edit per field (passwords
// hidden, emails checked lightly), with OK enabled only once every required field is filled in. Enter
// submits, Esc cancels. A line at the top says which workflow asks; the fields scroll where there are more
// than the screen holds.
#pragma once

#include "model/FormStep.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QScrollArea;

namespace AuthStudio {

class FormDialog : public QDialog
{
    Q_OBJECT
public:
    // `context` names what asks (the workflow and resource), shown above the fields; none when empty.
    explicit FormDialog(const FormStep &step, QWidget *parent = nullptr, const QString &context = {});

    const FormStep &step() const { return m_step; }
    // Field key -> entered text, for every field of the step.
    QJsonObject values() const;
    QLineEdit *fieldEdit(const QString &key) const;
    // What stops the form from being submitted ("Password is required"), or empty when it can be.
    QString problem() const;

    void accept() override;

    static bool looksLikeEmail(const QString &text);

private:
    void updateState();
    void focusNextProblem();
    QString fieldProblem(int fieldIndex) const;

    FormStep m_step;
    QList<QLineEdit *> m_edits; // one per field, in step order
    QScrollArea *m_fieldArea;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace AuthStudio
