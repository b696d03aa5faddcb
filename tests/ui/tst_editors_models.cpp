// The editor models under QAbstractItemModelTester: every edit through the model lands on the document's
// undo stack, and edits, undo, redo, moves and resets from elsewhere reach the model as correct signals.
#include "document/DemoWorkspace.h"
#include "document/WorkspaceDocument.h"
#include "editor/FormFieldTableModel.h"
#include "editor/KeyValueTableModel.h"
#include "editor/ResourceListModel.h"
#include "editor/StepListModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace AuthStudio;

namespace {

std::unique_ptr<WorkspaceDocument> demoDocument()
{
    auto document = std::make_unique<WorkspaceDocument>();
    if (!document->loadData(DemoWorkspace::data(), QStringLiteral("demo")))
        qWarning("%s", qPrintable(document->errorString()));
    return document;
}

void undoAll(WorkspaceDocument &document)
{
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
}

void redoAll(WorkspaceDocument &document)
{
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
}

QStringList resourceNames(const WorkspaceDocument &document)
{
    QStringList names;
    for (const Resource &resource : document.workspace().resources)
        names.append(resource.name);
    return names;
}

} // namespace

class tst_EditorsModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void resourceList();
    void resourceListRefusesBadNames();
    void resourceListDragAndDrop();
    void resourceListDropThroughTheFilter();
    void stepList();
    void stepListRename();
    void stepListDragAndDrop();
    void stepListFollowsItsResource();
    void keyValueTable_data();
    void keyValueTable();
    void keyValueTableOfRemovedStep();
    void workspaceVariables();
    void formFieldTable();
};

void tst_EditorsModels::resourceList()
{
    auto document = demoDocument();
    ResourceListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Seed walkthrough"));

    QVERIFY(model.setData(model.index(1), QStringLiteral("Login")));
    QCOMPARE(document->resource(1).name, QStringLiteral("Login"));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Rename resource"));

    document->addNewResource();
    document->duplicateResource(0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("Seed walkthrough copy"));
    document->moveResource(0, 3);
    QCOMPARE(model.index(3).data().toString(), QStringLiteral("Seed walkthrough"));
    document->removeResource(1);
    QCOMPARE(model.rowCount(), 3);
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.index(i).data().toString(), document->resource(i).name);

    undoAll(*document);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("Demo login"));
    redoAll(*document);
    QCOMPARE(model.rowCount(), 3);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    document->newWorkspace();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void tst_EditorsModels::resourceListRefusesBadNames()
{
    auto document = demoDocument();
    ResourceListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(!model.setData(model.index(0), QStringLiteral("  ")));
    QVERIFY(!model.setData(model.index(0), QStringLiteral("Demo login")));
    QVERIFY(model.setData(model.index(0), QStringLiteral("Seed walkthrough"))); // its own name: no edit
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("custom auth")));
}

void tst_EditorsModels::resourceListDragAndDrop()
{
    auto document = demoDocument();
    document->addNewResource(); // Resource 1
    document->undoStack()->clear();
    ResourceListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QStringList original {QStringLiteral("Seed walkthrough"), QStringLiteral("Demo login"),
                                QStringLiteral("Resource 1")};
    QCOMPARE(resourceNames(*document), original);
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsDragEnabled);
    QVERIFY(model.flags({}) & Qt::ItemIsDropEnabled);
    QCOMPARE(model.supportedDropActions(), Qt::MoveAction);
    QCOMPARE(model.mimeTypes(), QStringList {ResourceListModel::mimeType()});

    // Drag the first resource and drop it between the second and the third, as the view does.
    std::unique_ptr<QMimeData> data(model.mimeData({model.index(0)}));
    QVERIFY(data);
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 2, 0, {}));
    QVERIFY(!model.canDropMimeData(data.get(), Qt::CopyAction, 2, 0, {}));
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, 2, 0, {}));
    const QStringList afterDrop {QStringLiteral("Demo login"), QStringLiteral("Seed walkthrough"),
                                 QStringLiteral("Resource 1")};
    QCOMPARE(resourceNames(*document), afterDrop);
    QCOMPARE(moved.count(), 1);
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.index(i).data().toString(), afterDrop.at(i));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Move resource"));

    document->undoStack()->undo();
    QCOMPARE(resourceNames(*document), original);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Seed walkthrough"));
    document->undoStack()->redo();
    QCOMPARE(resourceNames(*document), afterDrop);
    document->undoStack()->undo();

    // Dropped onto an item (lands before it), and past the end (row -1).
    std::unique_ptr<QMimeData> last(model.mimeData({model.index(2)}));
    QVERIFY(model.dropMimeData(last.get(), Qt::MoveAction, -1, -1, model.index(0)));
    QCOMPARE(resourceNames(*document),
             (QStringList {QStringLiteral("Resource 1"), QStringLiteral("Seed walkthrough"),
                           QStringLiteral("Demo login")}));
    std::unique_ptr<QMimeData> first(model.mimeData({model.index(0)}));
    QVERIFY(model.dropMimeData(first.get(), Qt::MoveAction, -1, -1, {}));
    QCOMPARE(resourceNames(*document), original);
    QCOMPARE(document->undoStack()->count(), 2);

    // Dropping a resource where it already is changes nothing; a keyboard-style moveRows works alike.
    std::unique_ptr<QMimeData> second(model.mimeData({model.index(1)}));
    QVERIFY(!model.dropMimeData(second.get(), Qt::MoveAction, 1, 0, {}));
    QVERIFY(!model.dropMimeData(second.get(), Qt::MoveAction, 2, 0, {}));
    QCOMPARE(document->undoStack()->count(), 2);
    QVERIFY(model.moveRows({}, 2, 1, {}, 0));
    QCOMPARE(resourceNames(*document).first(), QStringLiteral("Resource 1"));
    QVERIFY(!model.moveRows({}, 0, 2, {}, 3)); // one row at a time

    // Rows dragged from another document's list are refused.
    auto otherDocument = demoDocument();
    ResourceListModel otherModel(otherDocument.get());
    std::unique_ptr<QMimeData> foreign(otherModel.mimeData({otherModel.index(0)}));
    QVERIFY(!model.canDropMimeData(foreign.get(), Qt::MoveAction, 2, 0, {}));
    QVERIFY(!model.dropMimeData(foreign.get(), Qt::MoveAction, 2, 0, {}));
    QMimeData garbage;
    garbage.setData(ResourceListModel::mimeType(), "nonsense");
    QVERIFY(!model.dropMimeData(&garbage, Qt::MoveAction, 0, 0, {}));
    QCOMPARE(document->undoStack()->count(), 3);
}

void tst_EditorsModels::resourceListDropThroughTheFilter()
{
    // The main window's list shows the model through a filter proxy: drags and drops go through it.
    auto document = demoDocument();
    document->addNewResource(); // Resource 1
    document->undoStack()->clear();
    ResourceListModel model(document.get());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setFilterRegularExpression(QStringLiteral("login|Resource")); // "Demo login", "Resource 1"
    QCOMPARE(proxy.rowCount(), 2);

    // "Resource 1" dropped before "Demo login" in the filtered list.
    std::unique_ptr<QMimeData> data(proxy.mimeData({proxy.index(1, 0)}));
    QVERIFY(data);
    QVERIFY(proxy.dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
    QCOMPARE(resourceNames(*document),
             (QStringList {QStringLiteral("Seed walkthrough"), QStringLiteral("Resource 1"),
                           QStringLiteral("Demo login")}));
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Resource 1"));
    document->undoStack()->undo();
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Demo login"));
    QCOMPARE(resourceNames(*document).last(), QStringLiteral("Resource 1"));
}

void tst_EditorsModels::stepList()
{
    auto document = demoDocument();
    StepListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.setWorkflow(1, WorkflowKind::Auth);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0).data(StepListModel::StepNameRole).toString(), QStringLiteral("form1"));
    QCOMPARE(model.index(0).data(StepListModel::TypeLabelRole).toString(), QStringLiteral("Form (modal)"));
    QVERIFY(model.index(1).data().toString().contains(QStringLiteral("http1")));
    QVERIFY(model.index(1).data().toString().contains(QStringLiteral("API Request")));
    QCOMPARE(model.index(1).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

    // Enabled checkbox.
    QVERIFY(model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!stepEnabled(document->step({1, WorkflowKind::Auth, 1})));
    QCOMPARE(model.index(1).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);

    // Keyboard-style move through moveRows: row 4 before row 0.
    QVERIFY(model.moveRows({}, 4, 1, {}, 0));
    QCOMPARE(model.index(0).data(StepListModel::StepNameRole).toString(), QStringLiteral("EXPIRES_IN"));
    QCOMPARE(stepName(document->step({1, WorkflowKind::Auth, 0})), QStringLiteral("EXPIRES_IN"));
    // Down by one: before the row after next.
    QVERIFY(model.moveRows({}, 0, 1, {}, 2));
    QCOMPARE(model.index(1).data(StepListModel::StepNameRole).toString(), QStringLiteral("EXPIRES_IN"));
    QVERIFY(!model.moveRows({}, 1, 1, {}, 1)); // onto itself
    QVERIFY(!model.moveRows({}, 1, 2, {}, 4)); // one at a time

    document->addNewStep(1, WorkflowKind::Auth, StepType::JavaScript);
    document->duplicateStep({1, WorkflowKind::Auth, 0});
    document->removeStep({1, WorkflowKind::Auth, 3});
    // The refresh workflow's changes don't show here.
    document->addNewStep(1, WorkflowKind::Refresh, StepType::JavaScript);
    QCOMPARE(model.rowCount(), 6);
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.index(i).data(StepListModel::StepNameRole).toString(),
                 stepName(document->step({1, WorkflowKind::Auth, i})));

    undoAll(*document);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(4).data(StepListModel::StepNameRole).toString(), QStringLiteral("EXPIRES_IN"));
    redoAll(*document);
    QCOMPARE(model.rowCount(), 6);

    // Replacing the whole resource (e.g. undoing an edit made in the resource editor) syncs too.
    Resource changed = document->resource(1);
    changed.customAuth.authWorkflow.steps.removeLast();
    document->setResource(1, changed, QStringLiteral("Edit"));
    QCOMPARE(model.rowCount(), 5);
    document->undoStack()->undo();
    QCOMPARE(model.rowCount(), 6);
}

void tst_EditorsModels::stepListRename()
{
    auto document = demoDocument();
    StepListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setWorkflow(0, WorkflowKind::Auth);
    QVERIFY(model.setData(model.index(2), QStringLiteral("inspect")));
    QCOMPARE(stepName(document->step({0, WorkflowKind::Auth, 2})), QStringLiteral("inspect"));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Rename step"));
    QVERIFY(!model.setData(model.index(2), QStringLiteral("http1"))); // taken
    QVERIFY(!model.setData(model.index(2), QStringLiteral("2fast"))); // not an identifier
    QCOMPARE(document->undoStack()->count(), 1);
}

void tst_EditorsModels::stepListDragAndDrop()
{
    auto document = demoDocument();
    StepListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setWorkflow(0, WorkflowKind::Auth);
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsDragEnabled);
    QVERIFY(model.flags({}) & Qt::ItemIsDropEnabled);
    QCOMPARE(model.mimeTypes(), QStringList {StepListModel::mimeType()});

    std::unique_ptr<QMimeData> data(model.mimeData({model.index(0)}));
    QVERIFY(data);
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
    QVERIFY(!model.canDropMimeData(data.get(), Qt::CopyAction, 3, 0, {}));
    // Dropped between js1 and PASSWORD: form1 becomes the third step.
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
    QCOMPARE(stepName(document->step({0, WorkflowKind::Auth, 2})), QStringLiteral("form1"));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Move step"));

    // Steps don't travel to another workflow's list.
    StepListModel other(document.get());
    other.setWorkflow(1, WorkflowKind::Auth);
    QVERIFY(!other.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
    QVERIFY(!other.dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
    // Nor to the same workflow of another window's workspace.
    auto otherDocument = demoDocument();
    StepListModel otherWindow(otherDocument.get());
    otherWindow.setWorkflow(0, WorkflowKind::Auth);
    QVERIFY(!otherWindow.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));

    // Dropped at the end (row -1).
    std::unique_ptr<QMimeData> first(model.mimeData({model.index(0)}));
    QVERIFY(model.dropMimeData(first.get(), Qt::MoveAction, -1, -1, {}));
    QCOMPARE(stepName(document->step({0, WorkflowKind::Auth, 3})), QStringLiteral("http1"));
}

void tst_EditorsModels::stepListFollowsItsResource()
{
    auto document = demoDocument();
    StepListModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setWorkflow(1, WorkflowKind::Refresh);
    QCOMPARE(model.rowCount(), 3);
    document->addNewResource();
    document->moveResource(2, 0);
    QCOMPARE(model.resource(), 2);
    QCOMPARE(model.rowCount(), 3);
    document->addNewStep(2, WorkflowKind::Refresh, StepType::Form);
    QCOMPARE(model.rowCount(), 4);
    document->removeResource(2);
    QCOMPARE(model.resource(), -1);
    QCOMPARE(model.rowCount(), 0);
}

void tst_EditorsModels::keyValueTable_data()
{
    QTest::addColumn<int>("table");
    QTest::addColumn<int>("resource");
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("initialRows");

    QTest::newRow("resource headers") << int(KeyValueRef::Table::ResourceHeaders) << 1 << -1 << 1;
    QTest::newRow("resource URL parameters")
        << int(KeyValueRef::Table::ResourceUrlParameters) << 1 << -1 << 0;
    QTest::newRow("step headers") << int(KeyValueRef::Table::StepHeaders) << 1 << 1 << 0;
    QTest::newRow("step query parameters") << int(KeyValueRef::Table::StepQueryParameters) << 1 << 1 << 0;
    QTest::newRow("step form body") << int(KeyValueRef::Table::StepBodyFields) << 1 << 1 << 0;
}

void tst_EditorsModels::keyValueTable()
{
    QFETCH(int, table);
    QFETCH(int, resource);
    QFETCH(int, step);
    QFETCH(int, initialRows);

    auto document = demoDocument();
    KeyValueTableModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    const auto kind = KeyValueRef::Table(table);
    const KeyValueRef ref = step < 0 ? KeyValueRef::resourceTable(kind, resource)
                                     : KeyValueRef::stepTable(kind, {resource, WorkflowKind::Auth, step});
    model.setTable(ref);
    QVERIFY(model.hasTable());
    QCOMPARE(model.rowCount(), initialRows);
    QCOMPARE(model.columnCount(), 2);

    QVERIFY(model.insertRows(model.rowCount(), 1));
    const int row = model.rowCount() - 1;
    QVERIFY(model.setData(model.index(row, KeyValueTableModel::NameColumn), QStringLiteral("X-Trace")));
    QVERIFY(model.setData(model.index(row, KeyValueTableModel::ValueColumn), QStringLiteral("{{ TOKEN }}")));
    QVERIFY(
        model.setData(model.index(row, KeyValueTableModel::NameColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(document->keyValues(ref).at(row),
             (KeyValue {QStringLiteral("X-Trace"), QStringLiteral("{{ TOKEN }}"), false}));
    QCOMPARE(model.index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(document->undoStack()->count(), 4); // add, name, value, enabled: one step each

    QVERIFY(model.insertRows(0, 2));
    QCOMPARE(model.rowCount(), initialRows + 3);
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), initialRows + 2);
    QVERIFY(!model.removeRows(0, 10));

    document->undoStack()->undo();
    document->undoStack()->undo();
    document->undoStack()->undo(); // back before "enabled"
    QCOMPARE(model.rowCount(), initialRows + 1);
    QCOMPARE(model.index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    undoAll(*document);
    QCOMPARE(model.rowCount(), initialRows);
    QCOMPARE(document->keyValues(ref).size(), initialRows);
    redoAll(*document);
    QCOMPARE(model.rowCount(), initialRows + 2);
}

void tst_EditorsModels::keyValueTableOfRemovedStep()
{
    auto document = demoDocument();
    KeyValueTableModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const KeyValueRef ref =
        KeyValueRef::stepTable(KeyValueRef::Table::StepHeaders, {1, WorkflowKind::Auth, 1});
    model.setTable(ref);
    QVERIFY(model.insertRows(0, 1));
    // Steps before it move: the table follows its step.
    document->removeStep({1, WorkflowKind::Auth, 0});
    QCOMPARE(model.table().step.step, 0);
    QCOMPARE(model.rowCount(), 1);
    document->removeStep({1, WorkflowKind::Auth, 0});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasTable());
    QVERIFY(!model.insertRows(0, 1));

    // A resource table: the resource moves, the table follows it.
    model.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 1));
    QCOMPARE(model.rowCount(), 1);
    document->moveResource(1, 0);
    QCOMPARE(model.table().step.resource, 0);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("Bearer {{ TOKEN }}"));
}

void tst_EditorsModels::workspaceVariables()
{
    auto document = demoDocument();
    KeyValueTableModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTable(KeyValueRef::variables());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowNoun(), QStringLiteral("variable"));
    QVERIFY(model.setData(model.index(0, 1), QStringLiteral("http://127.0.0.1:9")));
    QCOMPARE(document->workspace().variables.at(0).value, QStringLiteral("http://127.0.0.1:9"));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit variable"));
    document->undoStack()->undo();
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("http://127.0.0.1:8787"));
    // A value that looks like a secret is tinted and says why it doesn't belong here (QA pass 38).
    QVERIFY(!model.index(0, 1).data(Qt::BackgroundRole).isValid());
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("SVC_PASSWORD")));
    QVERIFY(model.setData(model.index(0, 1), QStringLiteral("hunter2")));
    QVERIFY(model.index(0, 1).data(Qt::BackgroundRole).isValid());
    QVERIFY2(
        model.index(0, 1)
            .data(Qt::ToolTipRole)
            .toString()
            .startsWith(QStringLiteral("SVC_PASSWORD looks like a secret (its name says it holds a secret)")),
        qPrintable(model.index(0, 1).data(Qt::ToolTipRole).toString()));
    document->undoStack()->undo();
    document->undoStack()->undo();
    // Variables survive opening another workspace: the table stays bound.
    document->loadData(DemoWorkspace::data(), QStringLiteral("demo"));
    QCOMPARE(model.rowCount(), 1);
}

void tst_EditorsModels::formFieldTable()
{
    auto document = demoDocument();
    FormFieldTableModel model(document.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStep({0, WorkflowKind::Auth, 1}); // an API Request: no fields
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.insertRows(0, 1));
    model.setStep({0, WorkflowKind::Auth, 0});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, FormFieldTableModel::KeyColumn).data().toString(), QStringLiteral("password"));
    QCOMPARE(model.index(1, FormFieldTableModel::TypeColumn).data().toString(), QStringLiteral("Password"));
    QCOMPARE(
        model.index(1, FormFieldTableModel::RequiredColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Checked);

    QVERIFY(model.insertRows(2, 1));
    QCOMPARE(model.index(2, FormFieldTableModel::KeyColumn).data().toString(), QStringLiteral("field3"));
    QVERIFY(model.setData(model.index(2, FormFieldTableModel::KeyColumn), QStringLiteral("otp")));
    QVERIFY(model.setData(model.index(2, FormFieldTableModel::LabelColumn), QStringLiteral("One-time code")));
    QVERIFY(model.setData(model.index(2, FormFieldTableModel::TypeColumn), int(FormField::Type::Password)));
    QVERIFY(model.setData(model.index(2, FormFieldTableModel::TypeColumn), QStringLiteral("text")));
    QVERIFY(!model.setData(model.index(2, FormFieldTableModel::TypeColumn), QStringLiteral("colour")));
    QVERIFY(model.setData(model.index(2, FormFieldTableModel::RequiredColumn), Qt::Unchecked,
                          Qt::CheckStateRole));
    const FormField expected {QStringLiteral("otp"), QStringLiteral("One-time code"), FormField::Type::Text,
                              false};
    QCOMPARE(std::get<FormStep>(document->step({0, WorkflowKind::Auth, 0})).fields.at(2), expected);
    QCOMPARE(document->undoStack()->count(), 6);

    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 2);
    undoAll(*document);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("email"));
    redoAll(*document);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("otp"));

    // The step moves when another is inserted before it.
    document->addStep(0, WorkflowKind::Auth, JavaScriptStep {}, 0);
    QCOMPARE(model.step().step, 1);
    QCOMPARE(model.rowCount(), 2);
    document->removeStep({0, WorkflowKind::Auth, 1});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_EditorsModels)
#include "tst_editors_models.moc"
