// WorkspaceDocument: every kind of edit undoes and redoes, typing merges, change events name the place,
// clean state follows saves, files round-trip, and the autosaver's recovery file comes and goes.
#include "document/Autosaver.h"
#include "document/DemoWorkspace.h"
#include "document/DocumentChange.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceFileWatcher.h"
#include "format/WorkspaceReader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace AuthStudio;

namespace {

// A document holding the bundled demo: two resources with custom auth.
std::unique_ptr<WorkspaceDocument> demoDocument()
{
    auto document = std::make_unique<WorkspaceDocument>();
    if (!document->loadData(DemoWorkspace::data(), QStringLiteral("demo")))
        qWarning("%s", qPrintable(document->errorString()));
    return document;
}

DocumentChange lastChange(const QSignalSpy &spy)
{
    return spy.last().first().value<DocumentChange>();
}

} // namespace

class tst_Document : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsDemo();
    void renameResourceUndoRedo();
    void editsWhileAChangeIsAnnouncedAreDropped();
    void typingMergesIntoOneStep();
    void typingBackToOriginalLeavesNothing();
    void differentFieldsDontMerge();
    void noMergeIntoSavedState();
    void noMergeAcrossATestRun();
    void lastRunFollowsARenamedResource();
    void addRemoveMoveStepUndoRedo();
    void duplicateAndEnableStep();
    void editHeaderRowUndoRedo();
    void stepTablesDontMergeWithEachOther();
    void changeStepFieldUndoRedo();
    void addRemoveMoveDuplicateResource();
    void cleanStateAfterSave();
    void saveOpenRoundTrip();
    void saveFailureKeepsDirtyAndReportsPlace();
    void loadFailureReportsFormatError();
    void loadInBackground();
    void exportImportResource();
    void newWorkspaceResets();
    void overridesDontDirty();
    void mapStep_data();
    void mapStep();
    void mapResource_data();
    void mapResource();
    void autosaveWritesAndDiscardsRecovery();
    void restoreRecoveryIsUnsaved();
    void reloadIsOneUndoableStep();
    void reloadOfAFileThatDoesntReadKeepsTheDocument();
    void watcherNoticesWritesByOthersOnly();

private:
    QTemporaryDir m_dir;
};

void tst_Document::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_Document::loadsDemo()
{
    auto document = demoDocument();
    QCOMPARE(document->resourceCount(), 2);
    QCOMPARE(document->resource(0).name, QStringLiteral("Seed walkthrough"));
    QVERIFY(!document->isModified());
    QVERIFY(document->filePath().isEmpty());
    QCOMPARE(document->displayName(), QStringLiteral("Demo workspace"));
    QCOMPARE(document->undoStack()->count(), 0);
}

void tst_Document::renameResourceUndoRedo()
{
    auto document = demoDocument();
    QSignalSpy changes(document.get(), &WorkspaceDocument::changed);
    QSignalSpy modified(document.get(), &WorkspaceDocument::modifiedChanged);

    Resource renamed = document->resource(1);
    renamed.name = QStringLiteral("Login API");
    document->setResource(1, renamed, QStringLiteral("Rename resource"));
    QCOMPARE(document->resource(1).name, QStringLiteral("Login API"));
    QVERIFY(document->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::ResourceChanged);
    QCOMPARE(lastChange(changes).resource, 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Rename resource"));

    document->undoStack()->undo();
    QCOMPARE(document->resource(1).name, QStringLiteral("Demo login"));
    QVERIFY(!document->isModified());
    QCOMPARE(changes.count(), 2);
    document->undoStack()->redo();
    QCOMPARE(document->resource(1).name, QStringLiteral("Login API"));

    // Setting the same value is no edit.
    document->setResource(1, renamed, QStringLiteral("Rename resource"));
    QCOMPARE(document->undoStack()->count(), 1);
}

// A view that edits from inside the document's change signal (during an Undo, say) would corrupt the undo
// stack; the document drops such an edit.
void tst_Document::editsWhileAChangeIsAnnouncedAreDropped()
{
    auto document = demoDocument();
    Resource renamed = document->resource(1);
    renamed.name = QStringLiteral("Login API");
    document->setResource(1, renamed, QStringLiteral("Rename resource"));
    Resource stale = renamed;
    stale.baseUrl = QStringLiteral("http://stale.invalid");
    int attempts = 0;
    const QMetaObject::Connection writer =
        connect(document.get(), &WorkspaceDocument::changed, document.get(), [&] {
            ++attempts;
            document->setResource(1, stale, QStringLiteral("Stale edit"));
        });
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("dropped an edit \\(Stale edit\\)")));
    document->undoStack()->undo();
    disconnect(writer);
    QCOMPARE(attempts, 1);
    QCOMPARE(document->resource(1).name, QStringLiteral("Demo login"));
    QVERIFY(document->resource(1).baseUrl != stale.baseUrl);
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->index(), 0);
    document->undoStack()->redo();
    QCOMPARE(document->resource(1), renamed);
}

void tst_Document::typingMergesIntoOneStep()
{
    auto document = demoDocument();
    Resource value = document->resource(0);
    const QString original = value.baseUrl;
    for (const QString &text : {QStringLiteral("h"), QStringLiteral("ht"), QStringLiteral("htt")}) {
        value.baseUrl = text;
        document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    }
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->resource(0).baseUrl, QStringLiteral("htt"));
    document->undoStack()->undo();
    QCOMPARE(document->resource(0).baseUrl, original);
    document->undoStack()->redo();
    QCOMPARE(document->resource(0).baseUrl, QStringLiteral("htt"));
}

void tst_Document::typingBackToOriginalLeavesNothing()
{
    auto document = demoDocument();
    Resource value = document->resource(0);
    const QString original = value.baseUrl;
    value.baseUrl = original + QLatin1Char('x');
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    value.baseUrl = original;
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(!document->isModified());
}

void tst_Document::differentFieldsDontMerge()
{
    auto document = demoDocument();
    Resource value = document->resource(0);
    value.baseUrl = QStringLiteral("http://a");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    value.name = QStringLiteral("Other");
    document->setResource(0, value, QStringLiteral("Rename resource"), QStringLiteral("name"));
    value.baseUrl = QStringLiteral("http://ab");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    QCOMPARE(document->undoStack()->count(), 3);
    // The same field of another resource doesn't merge either.
    Resource other = document->resource(1);
    other.baseUrl = QStringLiteral("http://b");
    document->setResource(1, other, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    QCOMPARE(document->undoStack()->count(), 4);
    // Edits without a merge key (a checkbox) never merge.
    other.customAuth.runWithoutPrompt = true;
    document->setResource(1, other, QStringLiteral("Run without prompting"));
    other.customAuth.runWithoutPrompt = false;
    document->setResource(1, other, QStringLiteral("Run without prompting"));
    QCOMPARE(document->undoStack()->count(), 6);
}

void tst_Document::noMergeIntoSavedState()
{
    auto document = demoDocument();
    Resource value = document->resource(0);
    value.baseUrl = QStringLiteral("http://a");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    QVERIFY(document->saveAs(m_dir.filePath(QStringLiteral("merge.authstudio.json"))));
    value.baseUrl = QStringLiteral("http://ab");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    QCOMPARE(document->undoStack()->count(), 2);
    QVERIFY(document->isModified());
    document->undoStack()->undo();
    QVERIFY(!document->isModified());
    QCOMPARE(document->resource(0).baseUrl, QStringLiteral("http://a"));
}

void tst_Document::noMergeAcrossATestRun()
{
    // Typing, a test run, typing on: Undo goes back to what was tested, not past it.
    auto document = demoDocument();
    Resource value = document->resource(0);
    value.baseUrl = QStringLiteral("http://a");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    document->setLastRunScope(value.name, WorkflowKind::Auth, Scope());
    value.baseUrl = QStringLiteral("http://ab");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    value.baseUrl = QStringLiteral("http://abc");
    document->setResource(0, value, QStringLiteral("Edit base URL"), QStringLiteral("baseUrl"));
    QCOMPARE(document->undoStack()->count(), 2); // the typing after the run is one step of its own
    document->undoStack()->undo();
    QCOMPARE(document->resource(0).baseUrl, QStringLiteral("http://a"));
}

void tst_Document::lastRunFollowsARenamedResource()
{
    // What the last test run's replies held is still offered after the resource is renamed, and back
    // under the old name after Undo.
    auto document = demoDocument();
    Scope scope;
    scope.set(QStringLiteral("http1"), QJsonObject {{QStringLiteral("status"), 200}});
    const QString name = document->resource(1).name;
    document->setLastRunScope(name, WorkflowKind::Auth, scope);
    const StepRef ref {1, WorkflowKind::Auth, 1};
    QVERIFY(document->namesKnownAt(ref).lastRun.contains(QStringLiteral("http1")));
    Resource renamed = document->resource(1);
    renamed.name = name + QStringLiteral(" v2");
    document->setResource(1, renamed, QStringLiteral("Rename resource"), QStringLiteral("name"));
    QVERIFY(document->namesKnownAt(ref).lastRun.contains(QStringLiteral("http1")));
    document->undoStack()->undo();
    QCOMPARE(document->resource(1).name, name);
    QVERIFY(document->namesKnownAt(ref).lastRun.contains(QStringLiteral("http1")));
    // Named as the other resource: that one doesn't take these replies for its own.
    renamed.name = document->resource(0).name;
    document->setResource(1, renamed, QStringLiteral("Rename resource"));
    QVERIFY(!document->namesKnownAt({0, WorkflowKind::Auth, 1}).lastRun.contains(QStringLiteral("http1")));
}

void tst_Document::addRemoveMoveStepUndoRedo()
{
    auto document = demoDocument();
    QSignalSpy changes(document.get(), &WorkspaceDocument::changed);
    const Workflow before = document->workflow(1, WorkflowKind::Refresh);
    QCOMPARE(before.steps.size(), 3);

    const int added = document->addNewStep(1, WorkflowKind::Refresh, StepType::JavaScript);
    QCOMPARE(added, 3);
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::StepAdded);
    QCOMPARE(lastChange(changes).stepRef(), (StepRef {1, WorkflowKind::Refresh, 3}));
    const Step &script = document->step({1, WorkflowKind::Refresh, 3});
    QCOMPARE(stepType(script), StepType::JavaScript);
    QCOMPARE(stepName(script), QStringLiteral("js1"));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Add JavaScript step"));

    document->moveStep({1, WorkflowKind::Refresh, 3}, 0);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Refresh, 0})), QStringLiteral("js1"));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::StepMoved);
    QCOMPARE(lastChange(changes).to, 0);

    document->removeStep({1, WorkflowKind::Refresh, 1}); // http1
    QCOMPARE(document->workflow(1, WorkflowKind::Refresh).steps.size(), 3);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Refresh, 1})), QStringLiteral("TOKEN"));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::StepRemoved);

    document->undoStack()->undo(); // remove
    QCOMPARE(stepName(document->step({1, WorkflowKind::Refresh, 1})), QStringLiteral("http1"));
    document->undoStack()->undo(); // move
    QCOMPARE(stepName(document->step({1, WorkflowKind::Refresh, 3})), QStringLiteral("js1"));
    document->undoStack()->undo(); // add
    QCOMPARE(document->workflow(1, WorkflowKind::Refresh), before);
    QVERIFY(!document->isModified());
    // The auth workflow was never touched.
    QCOMPARE(document->workflow(1, WorkflowKind::Auth).steps.size(), 5);

    document->undoStack()->redo();
    document->undoStack()->redo();
    document->undoStack()->redo();
    QCOMPARE(document->workflow(1, WorkflowKind::Refresh).steps.size(), 3);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Refresh, 0})), QStringLiteral("js1"));
}

void tst_Document::duplicateAndEnableStep()
{
    auto document = demoDocument();
    const StepRef http {1, WorkflowKind::Auth, 1};
    const int copy = document->duplicateStep(http);
    QCOMPARE(copy, 2);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Auth, 2})), QStringLiteral("http2"));
    const int variableCopy = document->duplicateStep({1, WorkflowKind::Auth, 3}); // TOKEN
    QCOMPARE(stepName(document->step({1, WorkflowKind::Auth, variableCopy})), QStringLiteral("TOKEN_copy"));

    const int formIndex = document->addNewStep(1, WorkflowKind::Auth, StepType::Form);
    const Step &form = document->step({1, WorkflowKind::Auth, formIndex});
    QCOMPARE(stepName(form), QStringLiteral("form2"));
    QCOMPARE(std::get<FormStep>(form), FormStep::withDefaultFields(QStringLiteral("form2")));

    // A request added after a form posts the last form's answers as JSON, in the form's order.
    FormStep custom = std::get<FormStep>(form);
    custom.fields = {{QStringLiteral("user-id"), QStringLiteral("User"), FormField::Type::Text, true},
                     {QStringLiteral("code"), QStringLiteral("Code"), FormField::Type::Text, false}};
    document->setStep({1, WorkflowKind::Auth, formIndex}, custom, QStringLiteral("Edit fields"));
    const int requestIndex = document->addNewStep(1, WorkflowKind::Auth, StepType::ApiRequest);
    const auto &request = std::get<ApiRequestStep>(document->step({1, WorkflowKind::Auth, requestIndex}));
    QCOMPARE(request.body.kind, RequestBody::Kind::Json);
    QCOMPARE(
        request.body.text,
        QStringLiteral("{\"user-id\": \"{{ form2[\\\"user-id\\\"] }}\", \"code\": \"{{ form2.code }}\"}"));
    // Without a form before it, a request starts with no body.
    const int refreshRequest = document->addNewStep(1, WorkflowKind::Refresh, StepType::ApiRequest);
    QCOMPARE(std::get<ApiRequestStep>(document->step({1, WorkflowKind::Refresh, refreshRequest})).body.kind,
             RequestBody::Kind::None);

    document->setStepEnabled(http, false);
    QVERIFY(!stepEnabled(document->step(http)));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Disable step"));
    document->undoStack()->undo();
    QVERIFY(stepEnabled(document->step(http)));
    const int before = document->undoStack()->count();
    document->setStepEnabled(http, true); // no change, no command
    QCOMPARE(document->undoStack()->count(), before);
}

void tst_Document::editHeaderRowUndoRedo()
{
    auto document = demoDocument();
    const KeyValueRef headers = KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 1);
    KeyValueList rows = document->keyValues(headers);
    QCOMPARE(rows.size(), 1);
    rows[0].value = QStringLiteral("Token {{ TOKEN }}");
    document->setKeyValues(headers, rows, QStringLiteral("Edit header"), QStringLiteral("0/value"));
    rows[0].value = QStringLiteral("Token {{ TOKEN }}!");
    document->setKeyValues(headers, rows, QStringLiteral("Edit header"), QStringLiteral("0/value"));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->resource(1).headers.at(0).value, QStringLiteral("Token {{ TOKEN }}!"));
    rows.append({QStringLiteral("Accept"), QStringLiteral("application/json"), true});
    document->setKeyValues(headers, rows, QStringLiteral("Add header"));
    QCOMPARE(document->resource(1).headers.size(), 2);
    document->undoStack()->undo();
    QCOMPARE(document->resource(1).headers.size(), 1);
    document->undoStack()->undo();
    QCOMPARE(document->resource(1).headers.at(0).value, QStringLiteral("Bearer {{ TOKEN }}"));
    QVERIFY(!document->isModified());

    // Workspace variables go through the same path.
    QSignalSpy changes(document.get(), &WorkspaceDocument::changed);
    KeyValueList variables = document->keyValues(KeyValueRef::variables());
    variables[0].value = QStringLiteral("http://localhost:1");
    document->setKeyValues(KeyValueRef::variables(), variables, QStringLiteral("Edit variable"));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::WorkspaceChanged);
    QCOMPARE(document->workspace().variables.at(0).value, QStringLiteral("http://localhost:1"));
}

void tst_Document::stepTablesDontMergeWithEachOther()
{
    auto document = demoDocument();
    const StepRef http {1, WorkflowKind::Auth, 1};
    const auto headers = KeyValueRef::stepTable(KeyValueRef::Table::StepHeaders, http);
    const auto query = KeyValueRef::stepTable(KeyValueRef::Table::StepQueryParameters, http);
    QVERIFY(document->hasKeyValueTable(headers));
    QVERIFY(!document->hasKeyValueTable(
        KeyValueRef::stepTable(KeyValueRef::Table::StepHeaders, {1, WorkflowKind::Auth, 0})));
    document->setKeyValues(headers, {{QStringLiteral("X-A"), QStringLiteral("1"), true}},
                           QStringLiteral("Edit header"), QStringLiteral("0/value"));
    document->setKeyValues(query, {{QStringLiteral("a"), QStringLiteral("1"), true}},
                           QStringLiteral("Edit parameter"), QStringLiteral("0/value"));
    QCOMPARE(document->undoStack()->count(), 2);
    const auto &request = std::get<ApiRequestStep>(document->step(http));
    QCOMPARE(request.headers.size(), 1);
    QCOMPARE(request.queryParameters.size(), 1);
}

void tst_Document::changeStepFieldUndoRedo()
{
    auto document = demoDocument();
    QSignalSpy changes(document.get(), &WorkspaceDocument::changed);
    const StepRef ref {0, WorkflowKind::Auth, 1};
    Step value = document->step(ref);
    std::get<ApiRequestStep>(value).url = QStringLiteral("{{ DEMO_API }}/anything");
    document->setStep(ref, value, QStringLiteral("Edit URL"), QStringLiteral("url"));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::StepChanged);
    QCOMPARE(lastChange(changes).stepRef(), ref);
    QCOMPARE(std::get<ApiRequestStep>(document->step(ref)).url, QStringLiteral("{{ DEMO_API }}/anything"));
    document->undoStack()->undo();
    QCOMPARE(std::get<ApiRequestStep>(document->step(ref)).url, QStringLiteral("{{ DEMO_API }}/post"));
    document->undoStack()->redo();
    QCOMPARE(std::get<ApiRequestStep>(document->step(ref)).url, QStringLiteral("{{ DEMO_API }}/anything"));
}

void tst_Document::addRemoveMoveDuplicateResource()
{
    auto document = demoDocument();
    const Workspace original = document->workspace();
    QSignalSpy changes(document.get(), &WorkspaceDocument::changed);

    const int added = document->addNewResource();
    QCOMPARE(added, 2);
    QCOMPARE(document->resource(2).name, QStringLiteral("Resource 1"));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::ResourceAdded);
    QCOMPARE(document->addNewResource(), 3);
    QCOMPARE(document->resource(3).name, QStringLiteral("Resource 2"));

    const int copy = document->duplicateResource(1);
    QCOMPARE(copy, 2);
    QCOMPARE(document->resource(2).name, QStringLiteral("Demo login copy"));
    QCOMPARE(document->resource(2).customAuth, document->resource(1).customAuth);
    QCOMPARE(document->duplicateResource(1), 2);
    QCOMPARE(document->resource(2).name, QStringLiteral("Demo login copy 2"));

    document->moveResource(0, 3);
    QCOMPARE(document->resource(3).name, QStringLiteral("Seed walkthrough"));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::ResourceMoved);
    document->removeResource(3);
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::ResourceRemoved);
    QVERIFY(!document->workspace().findResource(QStringLiteral("Seed walkthrough")));

    while (document->undoStack()->canUndo())
        document->undoStack()->undo();
    QCOMPARE(document->workspace(), original);
    while (document->undoStack()->canRedo())
        document->undoStack()->redo();
    QCOMPARE(document->resourceCount(), 5);
    QVERIFY(!document->workspace().findResource(QStringLiteral("Seed walkthrough")));
}

void tst_Document::cleanStateAfterSave()
{
    auto document = demoDocument();
    QSignalSpy modified(document.get(), &WorkspaceDocument::modifiedChanged);
    QSignalSpy path(document.get(), &WorkspaceDocument::filePathChanged);
    QVERIFY(!document->save()); // no file yet
    QVERIFY(!document->errorString().isEmpty());

    document->addNewResource();
    QVERIFY(document->isModified());
    const QString file = m_dir.filePath(QStringLiteral("clean.authstudio.json"));
    QVERIFY2(document->saveAs(file), qPrintable(document->errorString()));
    QVERIFY(!document->isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.last().first().toBool(), false);
    QCOMPARE(path.count(), 1);
    QCOMPARE(document->filePath(), file);
    QCOMPARE(document->displayName(), QStringLiteral("clean.authstudio.json"));

    // Undo past the save makes it dirty again, redo back to it is clean.
    document->undoStack()->undo();
    QVERIFY(document->isModified());
    document->undoStack()->redo();
    QVERIFY(!document->isModified());
    document->removeResource(0);
    QVERIFY(document->save());
    QVERIFY(!document->isModified());
}

void tst_Document::saveOpenRoundTrip()
{
    auto document = demoDocument();
    document->addNewStep(0, WorkflowKind::Refresh, StepType::ApiRequest);
    Step value = document->step({0, WorkflowKind::Refresh, 0});
    std::get<ApiRequestStep>(value).url = QStringLiteral("{{ DEMO_API }}/refresh");
    document->setStep({0, WorkflowKind::Refresh, 0}, value, QStringLiteral("Edit URL"));
    const QString file = m_dir.filePath(QStringLiteral("roundtrip.authstudio.json"));
    QVERIFY2(document->saveAs(file), qPrintable(document->errorString()));

    WorkspaceDocument reopened;
    QSignalSpy changes(&reopened, &WorkspaceDocument::changed);
    QVERIFY2(reopened.load(file), qPrintable(reopened.errorString()));
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::Reset);
    QCOMPARE(reopened.workspace(), document->workspace());
    QVERIFY(!reopened.isModified());
    QCOMPARE(reopened.undoStack()->count(), 0);
    QCOMPARE(reopened.filePath(), file);
}

void tst_Document::saveFailureKeepsDirtyAndReportsPlace()
{
    auto document = demoDocument();
    Step value = document->step({1, WorkflowKind::Auth, 2});
    std::get<DefineVariableStep>(value).value = QStringLiteral("literal-secret");
    document->setStep({1, WorkflowKind::Auth, 2}, value, QStringLiteral("Edit value"));
    const QString file = m_dir.filePath(QStringLiteral("refused.authstudio.json"));
    QVERIFY(!document->saveAs(file));
    QVERIFY(document->isModified());
    QVERIFY(!QFile::exists(file));
    // Told where the editors show it, not as a pointer into a file that was never written.
    QVERIFY2(document->errorString().startsWith(
                 QDir::toNativeSeparators(file) +
                 QStringLiteral(" can't be saved: resource 'Demo login', auth workflow, step 'TOKEN', value: "
                                "secret variable 'TOKEN' holds a literal value")),
             qPrintable(document->errorString()));
    QVERIFY(document->filePath().isEmpty());
}

// Opening reads the file on a worker thread; the document changes on its own thread, a failure leaves
// it alone, and a newer open supersedes one still reading.
void tst_Document::loadInBackground()
{
    const QString good = m_dir.filePath(QStringLiteral("background.authstudio.json"));
    auto source = demoDocument();
    QVERIFY(source->saveAs(good));
    const QString broken = m_dir.filePath(QStringLiteral("background-broken.authstudio.json"));
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("{ \"format\": 7 }");
    out.close();

    auto document = demoDocument();
    document->addNewResource();
    QSignalSpy finished(document.get(), &WorkspaceDocument::loadFinished);
    document->loadInBackground(broken);
    QVERIFY(document->isLoading());
    QVERIFY(finished.wait());
    QCOMPARE(finished.last().at(1).toBool(), false);
    QVERIFY2(document->errorString().contains(QStringLiteral("background-broken.authstudio.json")),
             qPrintable(document->errorString()));
    QCOMPARE(document->resourceCount(), 3);
    QVERIFY(document->isModified());

    document->loadInBackground(broken);
    document->loadInBackground(good); // supersedes the first
    QTRY_VERIFY(!document->isLoading());
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.last().at(0).toString(), good);
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(document->workspace(), source->workspace());
    QCOMPARE(document->filePath(), good);
    QVERIFY(!document->isModified());
}

void tst_Document::loadFailureReportsFormatError()
{
    const QString file = m_dir.filePath(QStringLiteral("broken.authstudio.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("{ \"format\": \"authstudio-workspace\", ");
    out.close();
    auto document = demoDocument();
    document->addNewResource();
    QVERIFY(!document->load(file));
    QVERIFY2(document->errorString().contains(QStringLiteral("broken.authstudio.json")),
             qPrintable(document->errorString()));
    // A failed open leaves the open workspace alone.
    QCOMPARE(document->resourceCount(), 3);
    QVERIFY(document->isModified());

    // Every problem of a file's shape is said at once, a line each (QA pass 38: one per round trip).
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r",
        "headers": [{"name": "A", "value": 5}], "auth": {"loginTimeoutSeconds": "60"}}]})");
    out.close();
    QVERIFY(!document->load(file));
    const QStringList lines = document->errorString().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).endsWith(
                 QStringLiteral("/resources/0/headers/0/value: expected a string, found a number")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).endsWith(QStringLiteral(
                 "/resources/0/auth/loginTimeoutSeconds: expected an integer, found a string")),
             qPrintable(lines.at(1)));
}

void tst_Document::exportImportResource()
{
    auto document = demoDocument();
    const QString file = m_dir.filePath(QStringLiteral("login.authstudio-resource.json"));
    QVERIFY2(document->exportResource(1, file), qPrintable(document->errorString()));
    QVERIFY(!document->isModified());

    const int imported = document->importResource(file);
    QCOMPARE(imported, 2);
    QCOMPARE(document->resource(2).name, QStringLiteral("Demo login 2"));
    Resource expected = document->resource(1);
    expected.name = QStringLiteral("Demo login 2");
    QCOMPARE(document->resource(2), expected);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Import resource"));
    document->undoStack()->undo();
    QCOMPARE(document->resourceCount(), 2);

    QCOMPARE(document->importResource(m_dir.filePath(QStringLiteral("missing.json"))), -1);
    QVERIFY(!document->errorString().isEmpty());
}

void tst_Document::newWorkspaceResets()
{
    auto document = demoDocument();
    document->addNewResource();
    QSignalSpy changes(document.get(), &WorkspaceDocument::changed);
    document->newWorkspace();
    QCOMPARE(document->resourceCount(), 0);
    QVERIFY(!document->isModified());
    QCOMPARE(document->undoStack()->count(), 0);
    QCOMPARE(lastChange(changes).kind, DocumentChange::Kind::Reset);
    QVERIFY(document->filePath().isEmpty());
}

void tst_Document::overridesDontDirty()
{
    auto document = demoDocument();
    document->setVariableOverride(QStringLiteral("DEMO_API"), QStringLiteral("http://127.0.0.1:1234"));
    QVERIFY(!document->isModified());
    QCOMPARE(document->workspace().variables.at(0).value, QStringLiteral("http://127.0.0.1:8787"));
    const Scope scope = document->initialScope();
    QCOMPARE(scope.value(QStringLiteral("DEMO_API")).toString(), QStringLiteral("http://127.0.0.1:1234"));
    QCOMPARE(document->variableOverrides().value(QStringLiteral("DEMO_API")),
             QStringLiteral("http://127.0.0.1:1234"));

    // A workspace without the variable gets none: what the Auth Login preview and test runs start from is
    // what the CLI would start from.
    document->newWorkspace();
    QVERIFY(document->variableOverrides().isEmpty());
    QVERIFY(!document->initialScope().contains(QStringLiteral("DEMO_API")));
    // A disabled variable isn't overridden either.
    KeyValueList variables {{QStringLiteral("DEMO_API"), QStringLiteral("http://127.0.0.1:8787"), false}};
    document->setVariables(variables, QStringLiteral("Add variable"));
    QVERIFY(document->variableOverrides().isEmpty());

    // A variable that looks like a secret (which validate warns of) is one for runs: masked in the Test
    // panel's scope and log, as the CLI masks it (QA pass 44). An address is not.
    variables = {{QStringLiteral("API"), QStringLiteral("https://api.example.com")},
                 {QStringLiteral("SVC_PASSWORD"), QStringLiteral("hunter2hunter2XYZ")}};
    document->setVariables(variables, QStringLiteral("Add variables"));
    const Scope secrets = document->initialScope();
    QVERIFY(secrets.isSecretName(QStringLiteral("SVC_PASSWORD")));
    QVERIFY(secrets.secrets().contains(QStringLiteral("hunter2hunter2XYZ")));
    QVERIFY(!secrets.isSecretName(QStringLiteral("API")));
}

void tst_Document::mapStep_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("eventStep");
    QTest::addColumn<int>("eventTo");
    QTest::addColumn<int>("heldStep");
    QTest::addColumn<int>("expected");

    using K = DocumentChange::Kind;
    QTest::newRow("added before") << int(K::StepAdded) << 0 << -1 << 1 << 2;
    QTest::newRow("added after") << int(K::StepAdded) << 2 << -1 << 1 << 1;
    QTest::newRow("removed itself") << int(K::StepRemoved) << 1 << -1 << 1 << -1;
    QTest::newRow("removed before") << int(K::StepRemoved) << 0 << -1 << 1 << 0;
    QTest::newRow("moved itself") << int(K::StepMoved) << 1 << 3 << 1 << 3;
    QTest::newRow("moved over down") << int(K::StepMoved) << 0 << 2 << 1 << 0;
    QTest::newRow("moved over up") << int(K::StepMoved) << 3 << 0 << 1 << 2;
    QTest::newRow("moved elsewhere") << int(K::StepMoved) << 3 << 2 << 1 << 1;
    QTest::newRow("changed") << int(K::StepChanged) << 1 << -1 << 1 << 1;
}

void tst_Document::mapStep()
{
    QFETCH(int, kind);
    QFETCH(int, eventStep);
    QFETCH(int, eventTo);
    QFETCH(int, heldStep);
    QFETCH(int, expected);
    const auto change =
        DocumentChange::stepEvent(DocumentChange::Kind(kind), {2, WorkflowKind::Refresh, eventStep}, eventTo);
    const StepRef mapped = change.mapStep({2, WorkflowKind::Refresh, heldStep});
    QCOMPARE(mapped.step, expected);
    // Steps of the other workflow don't move.
    QCOMPARE(change.mapStep({2, WorkflowKind::Auth, heldStep}).step, heldStep);
}

void tst_Document::mapResource_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("eventResource");
    QTest::addColumn<int>("eventTo");
    QTest::addColumn<int>("held");
    QTest::addColumn<int>("expected");

    using K = DocumentChange::Kind;
    QTest::newRow("added before") << int(K::ResourceAdded) << 0 << -1 << 0 << 1;
    QTest::newRow("removed itself") << int(K::ResourceRemoved) << 2 << -1 << 2 << -1;
    QTest::newRow("removed before") << int(K::ResourceRemoved) << 0 << -1 << 2 << 1;
    QTest::newRow("moved itself") << int(K::ResourceMoved) << 2 << 0 << 2 << 0;
    QTest::newRow("reset") << int(K::Reset) << -1 << -1 << 2 << -1;
    QTest::newRow("changed") << int(K::ResourceChanged) << 1 << -1 << 2 << 2;
}

void tst_Document::mapResource()
{
    QFETCH(int, kind);
    QFETCH(int, eventResource);
    QFETCH(int, eventTo);
    QFETCH(int, held);
    QFETCH(int, expected);
    const auto change = DocumentChange::resourceEvent(DocumentChange::Kind(kind), eventResource, eventTo);
    QCOMPARE(change.mapResource(held), expected);
    QCOMPARE(change.mapStep({held, WorkflowKind::Auth, 0}).resource, expected);
}

void tst_Document::autosaveWritesAndDiscardsRecovery()
{
    QTemporaryDir folder;
    auto document = demoDocument();
    Autosaver autosaver(document.get());
    autosaver.setDirectory(folder.path());
    autosaver.setIntervalSeconds(1);
    QSignalSpy saved(&autosaver, &Autosaver::autosaved);
    QVERIFY(!autosaver.hasRecovery());

    document->addNewResource();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QVERIFY(autosaver.hasRecovery());
    WorkspaceReader reader;
    const auto recovered = reader.readRecoveryFile(autosaver.recoveryFilePath());
    QVERIFY2(recovered, qPrintable(reader.error().toString()));
    QCOMPARE(*recovered, document->workspace());
    // A second studio started meanwhile doesn't offer this one's work: it is still going on.
    {
        WorkspaceDocument other;
        Autosaver second(&other);
        second.setDirectory(folder.path());
        QVERIFY(!second.takeOverLeftRecovery());
        // Nor do the two write to the same file.
        other.addNewResource();
        QVERIFY(second.saveNow());
        QVERIFY(second.recoveryFilePath() != autosaver.recoveryFilePath());
        QCOMPARE(reader.readRecoveryFile(autosaver.recoveryFilePath())->resources.size(),
                 document->workspace().resources.size());
        second.discardRecovery();
    }

    // Saving makes the document clean: the recovery file goes.
    QVERIFY(document->saveAs(folder.filePath(QStringLiteral("saved.authstudio.json"))));
    QVERIFY(!autosaver.hasRecovery());

    // Work in the middle of an edit that a save refuses is backed up all the same: a resource named as
    // another, a JSON body half typed.
    Resource renamed = document->resource(2);
    renamed.name = document->resource(0).name;
    document->setResource(2, renamed, QStringLiteral("Rename resource"));
    Step request = document->step({0, WorkflowKind::Auth, 1});
    std::get<ApiRequestStep>(request).body.text = QStringLiteral("{\"email\": ");
    document->setStep({0, WorkflowKind::Auth, 1}, request, QStringLiteral("Edit body"));
    QVERIFY(!document->save());
    QVERIFY2(autosaver.saveNow(), qPrintable(autosaver.errorString()));
    const auto midEdit = reader.readRecoveryFile(autosaver.recoveryFilePath());
    QVERIFY2(midEdit, qPrintable(reader.error().toString()));
    QCOMPARE(*midEdit, document->workspace());

    // A literal secret value never reaches it; the rest of the work does.
    Step value = document->step({1, WorkflowKind::Auth, 2});
    std::get<DefineVariableStep>(value).value = QStringLiteral("literal-secret");
    document->setStep({1, WorkflowKind::Auth, 2}, value, QStringLiteral("Edit value"));
    QVERIFY(autosaver.saveNow());
    QFile written(autosaver.recoveryFilePath());
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(!written.readAll().contains("literal-secret"));
    const auto withoutSecret = reader.readRecoveryFile(autosaver.recoveryFilePath());
    QVERIFY(withoutSecret);
    QVERIFY(std::get<DefineVariableStep>(withoutSecret->resources.at(1).customAuth.authWorkflow.steps.at(2))
                .value.isEmpty());
    QCOMPARE(withoutSecret->resources.at(2).name, document->resource(0).name);
}

void tst_Document::restoreRecoveryIsUnsaved()
{
    QTemporaryDir folder;
    const QString original = folder.filePath(QStringLiteral("work.authstudio.json"));
    Workspace expected;
    {
        auto document = demoDocument();
        QVERIFY(document->saveAs(original));
        document->addNewResource();
        Autosaver autosaver(document.get());
        autosaver.setDirectory(folder.path());
        QVERIFY(autosaver.saveNow());
        expected = document->workspace();
        // The studio "crashes": the document goes without becoming clean.
    }
    WorkspaceDocument document;
    Autosaver autosaver(&document);
    autosaver.setDirectory(folder.path());
    const std::optional<Autosaver::LeftRecovery> left = autosaver.takeOverLeftRecovery();
    QVERIFY(left);
    QCOMPARE(left->origin.path, original);
    // Taken over: a third studio starting now doesn't offer it as well.
    {
        WorkspaceDocument third;
        Autosaver thirdSaver(&third);
        thirdSaver.setDirectory(folder.path());
        QVERIFY(!thirdSaver.takeOverLeftRecovery());
    }
    QVERIFY(document.restoreRecovery(left->filePath, left->origin.path));
    QCOMPARE(document.workspace(), expected);
    QVERIFY(document.isModified());
    QCOMPARE(document.filePath(), original);
    autosaver.discardTakenOverRecovery();
    QVERIFY(!QFile::exists(left->filePath));
    QVERIFY(document.save());
    QVERIFY(!document.isModified());
    QVERIFY(!autosaver.hasRecovery());

    // A backup that holds what the file holds has nothing to restore: the document is the saved file.
    QVERIFY(document.restoreRecovery(original, original));
    QVERIFY(!document.isModified());
    QCOMPARE(document.undoStack()->count(), 0);
    // Restored as an untitled workspace (no saved state in the history), then replaced by a new
    // workspace: that one is unmodified, as after any start.
    QVERIFY(document.restoreRecovery(original, QString()));
    QVERIFY(document.isModified());
    document.newWorkspace();
    QVERIFY(!document.isModified());
}

// Another program's version of the file, written as editors do: a new file renamed over the old one.
static void writeAsAnEditorDoes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    QVERIFY(file.commit());
}

static QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Reloading takes what the file holds now, name and all, as one step: the document is then clean, and
// Undo brings back what was shown, unsaved changes included.
void tst_Document::reloadIsOneUndoableStep()
{
    const QString path = m_dir.filePath(QStringLiteral("reload.authstudio.json"));
    auto mine = demoDocument();
    QVERIFY(mine->saveAs(path));
    const Workspace saved = mine->workspace();

    WorkspaceDocument theirs;
    QVERIFY(theirs.load(path));
    Resource added;
    added.name = QStringLiteral("Theirs");
    theirs.addResource(added);
    theirs.removeResource(0);
    theirs.setVariables({{QStringLiteral("API"), QStringLiteral("https://api.example.test")}}, {});
    QVERIFY(theirs.saveAs(path));
    // The name has no editor: another program's rename, in the file itself.
    QJsonObject root = QJsonDocument::fromJson(contentsOf(path)).object();
    QVERIFY(root.contains(QStringLiteral("name")));
    root.insert(QStringLiteral("name"), QStringLiteral("Renamed elsewhere"));
    writeAsAnEditorDoes(path, QJsonDocument(root).toJson());
    Workspace renamed = theirs.workspace();
    renamed.name = QStringLiteral("Renamed elsewhere");
    QVERIFY(mine->changedOnDisk());

    Resource unsaved;
    unsaved.name = QStringLiteral("Mine, not saved");
    mine->addResource(unsaved);
    const Workspace shown = mine->workspace();
    QVERIFY(mine->isModified());

    QSignalSpy finished(mine.get(), &WorkspaceDocument::reloadFinished);
    QVERIFY(mine->reloadInBackground());
    QVERIFY(finished.wait());
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(mine->workspace(), renamed);
    QVERIFY(!mine->isModified());
    QVERIFY(!mine->changedOnDisk());

    mine->undoStack()->undo();
    QCOMPARE(mine->workspace(), shown);
    QVERIFY(mine->isModified());
    mine->undoStack()->redo();
    QCOMPARE(mine->workspace(), renamed);
    QVERIFY(!mine->isModified());
    // Further back, the history before the reload is whole.
    mine->undoStack()->undo();
    mine->undoStack()->undo();
    QCOMPARE(mine->workspace(), saved);
}

// A file caught half-written, or broken by hand, doesn't read: the document stays as it was and says why.
void tst_Document::reloadOfAFileThatDoesntReadKeepsTheDocument()
{
    const QString path = m_dir.filePath(QStringLiteral("broken-reload.authstudio.json"));
    auto document = demoDocument();
    QVERIFY(document->saveAs(path));
    const Workspace before = document->workspace();
    writeAsAnEditorDoes(path, QByteArrayLiteral("{ \"format\": \"authstudio-workspace\", "));

    QSignalSpy finished(document.get(), &WorkspaceDocument::reloadFinished);
    QVERIFY(document->reloadInBackground());
    QVERIFY(finished.wait());
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(document->errorString().contains(QStringLiteral("broken-reload.authstudio.json")),
             qPrintable(document->errorString()));
    QCOMPARE(document->workspace(), before);
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(document->changedOnDisk()); // still: Save asks before overwriting it

    WorkspaceDocument unsaved;
    unsaved.newWorkspace();
    QVERIFY(!unsaved.reloadInBackground()); // no file to read
}

// The watcher reports another program's writes (in place or renamed over the file), the file written back
// as it was, and the file removed and written again; the document's own saves are not changes.
void tst_Document::watcherNoticesWritesByOthersOnly()
{
    const QString path = m_dir.filePath(QStringLiteral("watched.authstudio.json"));
    auto document = demoDocument();
    WorkspaceFileWatcher watcher(document.get());
    QSignalSpy checked(&watcher, &WorkspaceFileWatcher::checked);
    const auto last = [&checked] {
        return checked.isEmpty() ? WorkspaceFileWatcher::State::Same
                                 : checked.last().first().value<WorkspaceFileWatcher::State>();
    };
    QVERIFY(document->saveAs(path));
    const QByteArray original = contentsOf(path);

    // Our own save, then another program's.
    document->addNewResource();
    QVERIFY(document->save());
    const QByteArray ours = contentsOf(path);
    QCOMPARE(last(), WorkspaceFileWatcher::State::Same);
    writeAsAnEditorDoes(path, original);
    QTRY_COMPARE(last(), WorkspaceFileWatcher::State::Changed);
    QCOMPARE(watcher.state(), WorkspaceFileWatcher::State::Changed);

    // Written back as the document last saved it (and written in place, not renamed over): no change.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(ours);
    }
    QTRY_COMPARE(last(), WorkspaceFileWatcher::State::Same);
    // Renamed over once already, the file is still watched: a write in place is seen.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(original);
    }
    QTRY_COMPARE(last(), WorkspaceFileWatcher::State::Changed);

    QVERIFY(QFile::remove(path));
    QTRY_COMPARE(last(), WorkspaceFileWatcher::State::Removed);
    writeAsAnEditorDoes(path, original); // put back, by a checkout
    QTRY_COMPARE(last(), WorkspaceFileWatcher::State::Changed);

    // Saved over it: the same again, and another workspace (no file) is never a change.
    QVERIFY(document->save());
    QCOMPARE(last(), WorkspaceFileWatcher::State::Same);
    document->newWorkspace();
    writeAsAnEditorDoes(path, original);
    QCoreApplication::processEvents();
    QCOMPARE(watcher.state(), WorkspaceFileWatcher::State::Same);
}

QTEST_GUILESS_MAIN(tst_Document)
#include "tst_document.moc"
