// FormFieldTableModel: the fields of a Form (modal) step for a QTableView: key (how later steps refer to
// the value: form1.email), label, type (text, email, password) and required. Every edit, added or
// removed field is one undoable step on the document's stack.
#pragma once

#include "SnapshotTableModel.h"
#include "document/StepRef.h"
#include "model/FormField.h"

namespace AuthStudio {

class WorkspaceDocument;
struct DocumentChange;

class FormFieldTableModel : public SnapshotTableModel<FormField>
{
    Q_OBJECT
public:
    enum Column { KeyColumn, LabelColumn, TypeColumn, RequiredColumn, ColumnCount };

    explicit FormFieldTableModel(WorkspaceDocument *document, QObject *parent = nullptr);

    // The Form step to show; a ref that isn't a Form step shows no rows.
    void setStep(const StepRef &ref);
    StepRef step() const { return m_ref; }
    bool hasStep() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The type column takes a FormField::Type as int, or its label or id ("Password", "password").
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    static QString typeLabel(FormField::Type type);
    static QStringList typeLabels(); // in FormField::Type order

private:
    void onDocumentChanged(const DocumentChange &change);
    QList<FormField> currentFields() const;
    void write(const QList<FormField> &fields, const QString &text);

    WorkspaceDocument *m_document;
    StepRef m_ref;
    // The document change serial at binding time: changes up to it are already shown.
    quint64 m_boundSerial = 0;
};

} // namespace AuthStudio
