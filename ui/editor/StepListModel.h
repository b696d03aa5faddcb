// StepListModel: the steps of one workflow (a resource's auth or refresh workflow) for the workflow
// editor's list: the name (editable in place), the type, and a checkbox for enabled. Rows reorder by drag
// and drop (mime data + moveRows) and through moveRows() for keyboard moves; every change is one undoable
// step on the document's stack.
#pragma once

#include "RowDragListModel.h"
#include "document/StepRef.h"
#include "model/Step.h"

namespace AuthStudio {

class WorkspaceDocument;
struct DocumentChange;

class StepListModel : public RowDragListModel
{
    Q_OBJECT
public:
    enum Role {
        StepTypeRole = Qt::UserRole + 1, // StepType as int
        TypeLabelRole, // "Form (modal)"
        StepNameRole, // the bare name
    };

    explicit StepListModel(WorkspaceDocument *document, QObject *parent = nullptr);

    // Which workflow to show; resource -1 shows nothing.
    void setWorkflow(int resource, WorkflowKind workflow);
    int resource() const { return m_resource; }
    WorkflowKind workflow() const { return m_workflow; }
    StepRef stepRef(int row) const { return {m_resource, m_workflow, row}; }
    // True while the rows are being brought in line with a document change: the document is already
    // changed, so a row number may not name the same step there (a view moves its current row before
    // the removal is over).
    bool isSyncing() const { return m_syncing; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    static QString mimeType() { return QStringLiteral("application/x-authstudio-step-row"); }

protected:
    QString dragSource() const override;
    bool moveRowTo(int from, int to) override;

private:
    void onDocumentChanged(const DocumentChange &change);
    QList<Step> currentSteps() const;

    WorkspaceDocument *m_document;
    // True while reporting a document change: an editor the view commits then must not edit.
    bool m_syncing = false;
    int m_resource = -1;
    WorkflowKind m_workflow = WorkflowKind::Auth;
    QList<Step> m_steps; // what the views were last told
    // The document change serial at binding time: changes up to it are already shown.
    quint64 m_boundSerial = 0;
};

} // namespace AuthStudio
