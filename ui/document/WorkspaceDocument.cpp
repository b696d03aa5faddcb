#include "WorkspaceDocument.h"

#include "AddRemoveResourceCommand.h"
#include "AddRemoveStepCommand.h"
#include "MoveResourceCommand.h"
#include "MoveStepCommand.h"
#include "RenameStepCommand.h"
#include "RenameVariableCommand.h"
#include "SetStepEnabledCommand.h"
#include "SetWorkspaceNameCommand.h"
#include "format/WorkspaceReader.h"
#include "format/WorkspaceValidator.h"
#include "format/WorkspaceWriter.h"
#include "run/JsonText.h"
#include "script/VariableScope.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QUndoStack>
#include <QWidget>
#include <QtConcurrentRun>

#include <functional>
#include <optional>

namespace AuthStudio {

namespace {

QString defaultJavaScript()
{
    // Lines short enough for the step pane beside the list (one long line ran off its edge, QA pass 35).
    return QStringLiteral("// Earlier steps are globals here (form1, http1, ...).\n"
                          "// What it returns is this step's result.\nreturn {};\n");
}

KeyValueList *resourceTable(Resource &resource, KeyValueRef::Table table)
{
    switch (table) {
    case KeyValueRef::Table::ResourceHeaders:
        return &resource.headers;
    case KeyValueRef::Table::ResourceUrlParameters:
        return &resource.urlParameters;
    default:
        return nullptr;
    }
}

KeyValueList *stepTable(Step &step, KeyValueRef::Table table)
{
    auto *request = std::get_if<ApiRequestStep>(&step);
    if (!request)
        return nullptr;
    switch (table) {
    case KeyValueRef::Table::StepHeaders:
        return &request->headers;
    case KeyValueRef::Table::StepQueryParameters:
        return &request->queryParameters;
    case KeyValueRef::Table::StepBodyFields:
        return &request->body.fields;
    default:
        return nullptr;
    }
}

} // namespace

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    qRegisterMetaType<DocumentChange>();
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    // A field left and typed in again is a new undo step, as in any editor: merged, one Ctrl+Z took back
    // the earlier typing too (a URL edited, another step looked at, the URL edited again).
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        connect(app, &QApplication::focusChanged, this, [this] { ++m_typingGeneration; });
    m_workspace.name = tr("Untitled workspace");
}

WorkspaceDocument::~WorkspaceDocument()
{
    // The commands point at this document: delete them while it is still whole. Quietly: going away is
    // not "becoming clean" (the autosaver would delete a recovery file that is still needed).
    m_undoStack->blockSignals(true);
    m_undoStack->clear();
}

QString WorkspaceDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_workspace.name.isEmpty())
        return m_workspace.name;
    return tr("Untitled");
}

bool WorkspaceDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void WorkspaceDocument::newWorkspace()
{
    Workspace workspace;
    workspace.name = tr("Untitled workspace");
    resetTo(workspace, {});
}

namespace {

struct ReadResult
{
    std::optional<Workspace> workspace;
    QString error;
    FileStamp stamp; // the file as read, for Save to tell when something else has written it since
};

// Reads and checks a file; never executes anything from it and touches no shared state, so it may run on
// a worker thread.
ReadResult readWorkspaceFile(const QString &path)
{
    WorkspaceReader reader;
    ReadResult result;
    result.stamp = FileStamp::of(path); // before reading: a write meanwhile then shows as a change
    result.workspace = reader.readFile(path);
    if (!result.workspace)
        result.error = FormatError::listText(reader.errors()); // every problem, to fix in one pass
    return result;
}

// Reads `path` on the thread pool and gives the result to `done` on `owner`'s thread. `pending` holds
// the read while it runs (deleting it drops the result) and is cleared when it ends.
void readInBackground(QObject *owner, QObject *&pending, const QString &path,
                      const std::function<void(const ReadResult &)> &done)
{
    auto *watcher = new QFutureWatcher<ReadResult>(owner);
    pending = watcher;
    QObject::connect(watcher, &QFutureWatcher<ReadResult>::finished, owner, [&pending, watcher, done] {
        pending = nullptr;
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(readWorkspaceFile, path));
}

} // namespace

bool WorkspaceDocument::applyRead(const std::optional<Workspace> &workspace, const QString &error,
                                  const QString &path, const FileStamp &stamp)
{
    if (!workspace) {
        m_errorString = error;
        return false;
    }
    m_errorString.clear();
    resetTo(*workspace, QFileInfo(path).absoluteFilePath());
    setDiskStamp(stamp);
    return true;
}

bool WorkspaceDocument::load(const QString &path)
{
    const ReadResult result = readWorkspaceFile(path);
    return applyRead(result.workspace, result.error, path, result.stamp);
}

void WorkspaceDocument::loadInBackground(const QString &path)
{
    delete m_loading; // its result, when it comes, goes nowhere
    delete m_reloading; // a reload of the file being left
    m_reloading = nullptr;
    readInBackground(this, m_loading, path, [this, path](const ReadResult &result) {
        Q_EMIT loadFinished(path, applyRead(result.workspace, result.error, path, result.stamp));
    });
}

bool WorkspaceDocument::reloadInBackground()
{
    if (m_loading || m_filePath.isEmpty())
        return false;
    delete m_reloading;
    const QString path = m_filePath;
    readInBackground(this, m_reloading, path, [this, path](const ReadResult &result) {
        if (!result.workspace) {
            m_errorString = result.error;
            Q_EMIT reloadFinished(false);
            return;
        }
        m_errorString.clear();
        // Only this file's reload: Save As to another file (or Open) meanwhile would make it another's.
        if (path == m_filePath && *result.workspace != m_workspace)
            becomeWorkspace(*result.workspace, tr("Reload from disk"));
        if (path == m_filePath) {
            m_undoStack->setClean(); // it is what the file holds now
            m_reloadedAt = m_undoStack->index();
            setDiskStamp(result.stamp);
        }
        Q_EMIT reloadFinished(true);
    });
    return true;
}

bool WorkspaceDocument::loadData(const QByteArray &data, const QString &sourceName)
{
    WorkspaceReader reader;
    const std::optional<Workspace> workspace = reader.read(data, sourceName);
    if (!workspace) {
        m_errorString = reader.error().toString();
        return false;
    }
    m_errorString.clear();
    resetTo(*workspace, {});
    return true;
}

QString WorkspaceDocument::describe(const FormatError &error, const Workspace &workspace)
{
    // A rule the workspace breaks is told in the editors' words; a file error (a folder that can't be
    // written) as it is.
    if (!error.place.startsWith(QLatin1Char('/')))
        return error.toString();
    return tr("%1 can't be saved: %2: %3")
        .arg(QDir::toNativeSeparators(error.file), WorkspaceValidator::describePlace(workspace, error.place),
             error.reason);
}

bool WorkspaceDocument::save()
{
    if (m_filePath.isEmpty()) {
        m_errorString = tr("The workspace has no file yet; use Save As.");
        return false;
    }
    return saveAs(m_filePath);
}

bool WorkspaceDocument::saveAs(const QString &path)
{
    WorkspaceWriter writer;
    if (!writer.writeFile(m_workspace, path)) {
        m_errorString = describe(writer.error(), m_workspace);
        m_saveErrorPlace = writer.error().place;
        return false;
    }
    m_errorString.clear();
    m_saveErrorPlace.clear();
    setFilePath(QFileInfo(path).absoluteFilePath());
    m_undoStack->setClean();
    m_reloadedAt = -1; // the file holds this version now
    setDiskStamp(FileStamp::of(path, writer.written())); // hashed as written, not read back
    return true;
}

bool WorkspaceDocument::changedOnDisk() const
{
    return !m_filePath.isEmpty() && m_diskStamp.changedOnDisk(m_filePath);
}

bool WorkspaceDocument::undidReload() const
{
    return m_reloadedAt >= 0 && m_undoStack->index() < m_reloadedAt;
}

bool WorkspaceDocument::removedFromDisk() const
{
    return !m_filePath.isEmpty() && !m_diskStamp.isNull() && !QFileInfo(m_filePath).isFile();
}

void WorkspaceDocument::setDiskStamp(const FileStamp &stamp)
{
    m_diskStamp = stamp;
    Q_EMIT diskStampChanged();
}

bool WorkspaceDocument::keepsFileRules()
{
    return keepsRules(m_workspace, tr("The workspace can't be saved: %1: %2"), 0);
}

bool WorkspaceDocument::resourceKeepsFileRules(int index)
{
    Workspace single;
    single.resources.append(resource(index));
    return keepsRules(single, tr("The resource can't be exported: %1: %2"), index);
}

bool WorkspaceDocument::keepsRules(const Workspace &checked, const QString &failure, int firstResource)
{
    const QList<WorkspaceValidator::Problem> problems = WorkspaceValidator::validate(checked);
    if (problems.isEmpty()) {
        m_errorString.clear();
        m_saveErrorPlace.clear();
        return true;
    }
    const QString pointer = problems.first().pointer;
    m_errorString = failure.arg(WorkspaceValidator::describePlace(checked, pointer), problems.first().reason);
    // The place in this workspace, for the window to show: a resource checked alone is resource 0 there.
    const QString inChecked = QStringLiteral("/resources/0");
    m_saveErrorPlace = pointer;
    if (firstResource != 0 && m_saveErrorPlace.startsWith(inChecked))
        m_saveErrorPlace.replace(0, inChecked.size(), QStringLiteral("/resources/%1").arg(firstResource));
    return false;
}

bool WorkspaceDocument::exportResource(int index, const QString &path)
{
    WorkspaceWriter writer;
    if (!writer.writeResourceFile(resource(index), path)) {
        Workspace single;
        single.resources.append(resource(index));
        m_errorString = describe(writer.error(), single);
        return false;
    }
    m_errorString.clear();
    return true;
}

int WorkspaceDocument::importResource(const QString &path, QString *nameInFile)
{
    WorkspaceReader reader;
    const std::optional<QByteArray> data = reader.readBytes(path);
    std::optional<Resource> imported = data ? reader.readResource(*data, path) : std::nullopt;
    if (!imported) {
        m_errorString = FormatError::listText(reader.errors());
        return -1;
    }
    m_errorString.clear();
    if (nameInFile)
        *nameInFile = imported->name;
    imported->name = uniqueResourceName(imported->name);
    return addResource(*imported, -1, tr("Import resource"));
}

bool WorkspaceDocument::restoreRecovery(const QString &recoveryPath, const QString &originalPath)
{
    WorkspaceReader reader;
    const std::optional<Workspace> workspace = reader.readRecoveryFile(recoveryPath);
    if (!workspace) {
        m_errorString = reader.error().toString();
        return false;
    }
    m_errorString.clear();
    // The saved file, when it still reads, is where the history starts: the restore is one step on top
    // of it, so Undo goes back to what is on disk (it used to be out of reach, the file's state being
    // nowhere in the history). The workspace's name isn't an edit the history has: a file renamed inside
    // since keeps the restore as the start.
    const ReadResult saved = originalPath.isEmpty() ? ReadResult() : readWorkspaceFile(originalPath);
    if (saved.workspace && saved.workspace->name == workspace->name) {
        resetTo(*saved.workspace, originalPath);
        setDiskStamp(saved.stamp);
        if (*workspace == *saved.workspace)
            return true; // saved after all, as the backup went out of date
        becomeWorkspace(*workspace, tr("Restore unsaved changes"));
        return true;
    }
    resetTo(*workspace, originalPath);
    // What the crashed window had read is unknown: changes from here on are what Save warns of.
    setDiskStamp(originalPath.isEmpty() ? FileStamp() : FileStamp::of(originalPath));
    // Recovered work is unsaved work: no clean state exists in the (empty) history.
    m_undoStack->resetClean();
    return true;
}

void WorkspaceDocument::becomeWorkspace(const Workspace &target, const QString &text)
{
    m_undoStack->beginMacro(text);
    if (target.name != m_workspace.name)
        push(std::make_unique<SetWorkspaceNameCommand>(this, target.name));
    if (target.variables != m_workspace.variables)
        setVariables(target.variables, text);
    // Each resource here is matched with one there: by name first, then those left in order (a resource
    // renamed in place). A matched one is moved to its place and edited, so views keep it selected and its
    // session follows it; only what has no match is removed or added. Index by index, a file whose
    // resources were reordered elsewhere renamed each into another, and their sessions were lost (QA
    // pass 40).
    const QList<Resource> &targets = target.resources;
    QList<int> matchOf(m_workspace.resources.size(), -1); // a resource here -> its target, or -1
    QList<bool> targetMatched(targets.size(), false);
    for (qsizetype i = 0; i < m_workspace.resources.size(); ++i) {
        for (qsizetype j = 0; j < targets.size(); ++j) {
            if (!targetMatched.at(j) && targets.at(j).name == m_workspace.resources.at(i).name) {
                matchOf[i] = int(j);
                targetMatched[j] = true;
                break;
            }
        }
    }
    qsizetype nextTarget = 0;
    for (qsizetype i = 0; i < matchOf.size(); ++i) {
        if (matchOf.at(i) >= 0)
            continue;
        while (nextTarget < targets.size() && targetMatched.at(nextTarget))
            ++nextTarget;
        if (nextTarget < targets.size()) {
            matchOf[i] = int(nextTarget);
            targetMatched[nextTarget] = true;
        }
    }
    for (qsizetype i = matchOf.size() - 1; i >= 0; --i) {
        if (matchOf.at(i) < 0) {
            removeResource(int(i));
            matchOf.removeAt(i);
        }
    }
    for (qsizetype j = 0; j < targets.size(); ++j) {
        const qsizetype at = matchOf.indexOf(int(j));
        if (at < 0) {
            addResource(targets.at(j), int(j), text);
            matchOf.insert(j, int(j));
            continue;
        }
        if (at != j) {
            moveResource(int(at), int(j));
            matchOf.move(at, j);
        }
        setResource(int(j), targets.at(j), text);
    }
    m_undoStack->endMacro();
}

const Workflow &WorkspaceDocument::workflow(int resourceIndex, WorkflowKind kind) const
{
    const CustomAuth &auth = resource(resourceIndex).customAuth;
    return kind == WorkflowKind::Auth ? auth.authWorkflow : auth.refreshWorkflow;
}

bool WorkspaceDocument::isValidStep(const StepRef &ref) const
{
    if (ref.resource < 0 || ref.resource >= resourceCount() || ref.step < 0)
        return false;
    return ref.step < workflow(ref.resource, ref.workflow).steps.size();
}

const Step &WorkspaceDocument::step(const StepRef &ref) const
{
    return workflow(ref.resource, ref.workflow).steps.at(ref.step);
}

bool WorkspaceDocument::hasKeyValueTable(const KeyValueRef &ref) const
{
    if (ref.table == KeyValueRef::Table::WorkspaceVariables)
        return true;
    if (ref.isResourceTable())
        return ref.step.resource >= 0 && ref.step.resource < resourceCount();
    if (!isValidStep(ref.step))
        return false;
    return std::holds_alternative<ApiRequestStep>(step(ref.step));
}

KeyValueList WorkspaceDocument::keyValues(const KeyValueRef &ref) const
{
    if (!hasKeyValueTable(ref))
        return {};
    if (ref.table == KeyValueRef::Table::WorkspaceVariables)
        return m_workspace.variables;
    if (ref.isResourceTable()) {
        Resource copy = resource(ref.step.resource);
        return *resourceTable(copy, ref.table);
    }
    Step copy = step(ref.step);
    return *stepTable(copy, ref.table);
}

QString WorkspaceDocument::uniqueResourceName(const QString &base) const
{
    const QString trimmed = base.trimmed().isEmpty() ? tr("Resource") : base.trimmed();
    if (!m_workspace.findResource(trimmed))
        return trimmed;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(trimmed).arg(n);
        if (!m_workspace.findResource(candidate))
            return candidate;
    }
}

namespace {

void appendUnique(QStringList &names, const QString &name)
{
    if (!name.isEmpty() && !names.contains(name))
        names.append(name);
}

void appendDefinedVariables(QStringList &names, const Workflow &workflow)
{
    for (const Step &step : workflow.steps) {
        if (const auto *variable = std::get_if<DefineVariableStep>(&step); variable && variable->enabled)
            appendUnique(names, variable->name);
    }
}

// {"email": "{{ form1.email }}", ...}: a JSON body that sends a form's answers, in the form's order;
// form1["user-id"] for a key that isn't a name.
QString formAnswersAsJson(const FormStep &form)
{
    QByteArray json = "{";
    for (const FormField &field : form.fields) {
        if (json.size() > 1)
            json += ", ";
        JsonText::appendString(json, field.key.toUtf8());
        json += ": ";
        QString path = form.name;
        if (WorkspaceValidator::isIdentifier(field.key)) {
            path += QLatin1Char('.') + field.key;
        } else {
            QByteArray quoted;
            JsonText::appendString(quoted, field.key.toUtf8());
            path += QLatin1Char('[') + QString::fromUtf8(quoted) + QLatin1Char(']');
        }
        JsonText::appendString(json, QStringLiteral("{{ %1 }}").arg(path).toUtf8());
    }
    json += '}';
    return QString::fromUtf8(json);
}

QString lastRunKey(const QString &resourceName, WorkflowKind workflow)
{
    return (workflow == WorkflowKind::Auth ? QStringLiteral("auth:") : QStringLiteral("refresh:")) +
        resourceName;
}

} // namespace

KnownNames WorkspaceDocument::namesKnownAt(const StepRef &ref) const
{
    KnownNames names;
    // Overrides change a variable's value, never add one: the names are the workspace's own.
    for (const KeyValue &variable : m_workspace.variables) {
        if (variable.enabled)
            appendUnique(names.values, variable.name);
    }
    if (ref.resource < 0 || ref.resource >= resourceCount())
        return names;
    if (ref.workflow == WorkflowKind::Refresh)
        appendDefinedVariables(names.values, workflow(ref.resource, WorkflowKind::Auth));
    const LastRun lastRun = m_lastRuns.value(lastRunKey(resource(ref.resource).name, ref.workflow));
    names.lastRun = lastRun.scope;
    names.lastRunId = lastRun.id;
    const Workflow &steps = workflow(ref.resource, ref.workflow);
    for (int i = 0; i < ref.step && i < steps.steps.size(); ++i) {
        const Step &step = steps.steps.at(i);
        if (!stepEnabled(step))
            continue; // runs skip it: its name is nothing to refer to
        const QString name = stepName(step);
        appendUnique(std::holds_alternative<DefineVariableStep>(step) ? names.values : names.objects, name);
        if (const auto *form = std::get_if<FormStep>(&step)) {
            QStringList keys;
            for (const FormField &field : form->fields) {
                if (WorkspaceValidator::isIdentifier(field.key)) // others need form1["key"]
                    appendUnique(keys, field.key);
            }
            names.members.insert(name, keys);
        } else if (std::holds_alternative<ApiRequestStep>(step)) {
            names.members.insert(
                name, {QStringLiteral("body"), QStringLiteral("headers"), QStringLiteral("status")});
        } else {
            names.members.remove(name); // a later step of the same name hides an earlier one's fields
        }
    }
    const QStringList known = names.all();
    for (const Step &step : steps.steps) {
        if (!known.contains(stepName(step)))
            appendUnique(names.unavailableSteps, stepName(step));
    }
    return names;
}

KnownNames WorkspaceDocument::namesKnownToResource(int resourceIndex) const
{
    KnownNames names = namesKnownAt({});
    if (resourceIndex < 0 || resourceIndex >= resourceCount())
        return names;
    appendDefinedVariables(names.values, workflow(resourceIndex, WorkflowKind::Auth));
    appendDefinedVariables(names.values, workflow(resourceIndex, WorkflowKind::Refresh));
    return names;
}

QString WorkspaceDocument::typingMergeKey(const QString &mergeKey)
{
    if (mergeKey.isEmpty())
        return {};
    // QA pass 22: a script typed for minutes without leaving the editor was one undo step.
    if (m_sinceTyping.isValid() && m_sinceTyping.elapsed() >= m_typingPauseMs)
        ++m_typingGeneration;
    m_sinceTyping.start();
    return mergeKey + QLatin1Char('#') + QString::number(m_typingGeneration);
}

void WorkspaceDocument::setValue(const SetValueCommand::Target &target, SetValueCommand::Value value,
                                 const QString &text, const QString &mergeKey)
{
    if (valueAt(target) == value)
        return;
    push(std::make_unique<SetValueCommand>(this, target, std::move(value), text, typingMergeKey(mergeKey)));
}

void WorkspaceDocument::setVariables(const KeyValueList &variables, const QString &text,
                                     const QString &mergeKey)
{
    setValue({SetValueCommand::Target::Kind::Variables, {}}, variables, text, mergeKey);
}

void WorkspaceDocument::setResource(int index, const Resource &value, const QString &text,
                                    const QString &mergeKey)
{
    Q_ASSERT(index >= 0 && index < resourceCount());
    setValue({SetValueCommand::Target::Kind::ResourceValue, {index, WorkflowKind::Auth, -1}}, value, text,
             mergeKey);
}

void WorkspaceDocument::setStep(const StepRef &ref, const Step &value, const QString &text,
                                const QString &mergeKey)
{
    Q_ASSERT(isValidStep(ref));
    setValue({SetValueCommand::Target::Kind::StepValue, ref}, value, text, mergeKey);
}

void WorkspaceDocument::setKeyValues(const KeyValueRef &ref, const KeyValueList &rows, const QString &text,
                                     const QString &mergeKey)
{
    if (!hasKeyValueTable(ref))
        return;
    // Distinct tables of one resource or step must not merge with each other: the key says which.
    const QString key = mergeKey.isEmpty() ? QString() : QString::number(int(ref.table)) + mergeKey;
    if (ref.table == KeyValueRef::Table::WorkspaceVariables) {
        setVariables(rows, text, key);
    } else if (ref.isResourceTable()) {
        Resource copy = resource(ref.step.resource);
        *resourceTable(copy, ref.table) = rows;
        setResource(ref.step.resource, copy, text, key);
    } else {
        Step copy = step(ref.step);
        *stepTable(copy, ref.table) = rows;
        setStep(ref.step, copy, text, key);
    }
}

int WorkspaceDocument::addResource(const Resource &value, int index, const QString &text)
{
    if (index < 0 || index > resourceCount())
        index = resourceCount();
    push(std::make_unique<AddRemoveResourceCommand>(this, AddRemoveResourceCommand::Mode::Add, index, value,
                                                    text.isEmpty() ? tr("Add resource") : text));
    return index;
}

int WorkspaceDocument::addNewResource()
{
    Resource value;
    for (int n = 1;; ++n) {
        value.name = tr("Resource %1").arg(n);
        if (!m_workspace.findResource(value.name))
            break;
    }
    return addResource(value);
}

void WorkspaceDocument::removeResource(int index)
{
    Q_ASSERT(index >= 0 && index < resourceCount());
    push(std::make_unique<AddRemoveResourceCommand>(this, AddRemoveResourceCommand::Mode::Remove, index,
                                                    Resource(), tr("Delete resource")));
}

void WorkspaceDocument::moveResource(int from, int to)
{
    Q_ASSERT(from >= 0 && from < resourceCount() && to >= 0 && to < resourceCount());
    if (from != to)
        push(std::make_unique<MoveResourceCommand>(this, from, to));
}

int WorkspaceDocument::duplicateResource(int index)
{
    Resource copy = resource(index);
    copy.name = uniqueResourceName(tr("%1 copy").arg(copy.name));
    return addResource(copy, index + 1, tr("Duplicate resource"));
}

int WorkspaceDocument::addStep(int resourceIndex, WorkflowKind kind, const Step &value, int index,
                               const QString &text)
{
    const int count = int(workflow(resourceIndex, kind).steps.size());
    if (index < 0 || index > count)
        index = count;
    push(std::make_unique<AddRemoveStepCommand>(this, AddRemoveStepCommand::Mode::Add,
                                                StepRef {resourceIndex, kind, index}, value,
                                                text.isEmpty() ? tr("Add step") : text));
    return index;
}

int WorkspaceDocument::addNewStep(int resourceIndex, WorkflowKind kind, StepType type, int index)
{
    const QList<Step> &existing = workflow(resourceIndex, kind).steps;
    if (index < 0 || index > existing.size())
        index = int(existing.size());
    const QString name = workflow(resourceIndex, kind).nextStepName(type);
    Step value;
    switch (type) {
    case StepType::Form:
        value = FormStep::withDefaultFields(name);
        break;
    case StepType::ApiRequest: {
        ApiRequestStep request;
        request.name = name;
        // After a form, the usual next step posts its answers: start from a JSON body that does.
        const QList<Step> before = existing.mid(0, index);
        for (auto it = before.crbegin(); it != before.crend(); ++it) {
            const auto *form = std::get_if<FormStep>(&*it);
            if (form && !form->fields.isEmpty()) {
                request.body.kind = RequestBody::Kind::Json;
                request.body.text = formAnswersAsJson(*form);
                break;
            }
        }
        value = request;
        break;
    }
    case StepType::JavaScript: {
        JavaScriptStep script;
        script.name = name;
        script.code = defaultJavaScript();
        value = script;
        break;
    }
    case StepType::DefineVariable: {
        DefineVariableStep variable;
        variable.name = name;
        value = variable;
        break;
    }
    }
    return addStep(resourceIndex, kind, value, index, tr("Add %1 step").arg(stepTypeLabel(type)));
}

void WorkspaceDocument::removeStep(const StepRef &ref)
{
    Q_ASSERT(isValidStep(ref));
    push(std::make_unique<AddRemoveStepCommand>(this, AddRemoveStepCommand::Mode::Remove, ref, Step(),
                                                tr("Delete step")));
}

void WorkspaceDocument::moveStep(const StepRef &from, int to)
{
    Q_ASSERT(isValidStep(from));
    Q_ASSERT(to >= 0 && to < workflow(from.resource, from.workflow).steps.size());
    if (from.step != to)
        push(std::make_unique<MoveStepCommand>(this, from, to));
}

int WorkspaceDocument::duplicateStep(const StepRef &ref)
{
    const Workflow &steps = workflow(ref.resource, ref.workflow);
    Step copy = step(ref);
    const StepType type = stepType(copy);
    const QString name = stepName(copy);
    // Generated names (http1) continue their series; names people chose get a suffix.
    static const QRegularExpression generated(QStringLiteral("^[a-z]+\\d+$"));
    QString newName;
    if (!stepNamePrefix(type).isEmpty() && name.startsWith(stepNamePrefix(type)) &&
        generated.match(name).hasMatch()) {
        newName = steps.nextStepName(type);
    } else {
        newName = name + QStringLiteral("_copy");
        for (int n = 2; steps.hasName(newName); ++n)
            newName = name + QStringLiteral("_copy") + QString::number(n);
    }
    setStepName(copy, newName);
    return addStep(ref.resource, ref.workflow, copy, ref.step + 1, tr("Duplicate step"));
}

void WorkspaceDocument::setStepEnabled(const StepRef &ref, bool enabled)
{
    Q_ASSERT(isValidStep(ref));
    if (stepEnabled(step(ref)) != enabled)
        push(std::make_unique<SetStepEnabledCommand>(this, ref, enabled));
}

void WorkspaceDocument::renameStep(const StepRef &ref, const QString &name, const QString &mergeKey)
{
    Q_ASSERT(isValidStep(ref));
    if (stepName(step(ref)) != name)
        push(std::make_unique<RenameStepCommand>(this, ref, name, typingMergeKey(mergeKey)));
}

QStringList WorkspaceDocument::renameClashes(const StepRef &ref, const QString &name) const
{
    Q_ASSERT(isValidStep(ref));
    return ReferenceRenamer::clashes(resource(ref.resource), renamerPart(ref.workflow), ref.step, name);
}

void WorkspaceDocument::renameVariable(int index, const QString &name)
{
    Q_ASSERT(index >= 0 && index < m_workspace.variables.size());
    if (m_workspace.variables.at(index).name != name)
        push(std::make_unique<RenameVariableCommand>(this, index, name));
}

void WorkspaceDocument::renameLastRuns(const QString &before, const QString &now)
{
    // The runs are the resource's: what its replies held is still offered under its new name. Not when
    // either name is one two resources share, whose runs they are is anybody's guess.
    if (before == now || m_workspace.resourcesNamed(before) != 0 || m_workspace.resourcesNamed(now) != 1)
        return;
    for (const WorkflowKind workflow : {WorkflowKind::Auth, WorkflowKind::Refresh}) {
        const auto run = m_lastRuns.constFind(lastRunKey(before, workflow));
        if (run == m_lastRuns.cend())
            continue;
        const LastRun moved = run.value();
        m_lastRuns.erase(run);
        m_lastRuns.insert(lastRunKey(now, workflow), moved);
    }
}

void WorkspaceDocument::setVariableOverride(const QString &name, const QString &value)
{
    m_overrides.insert(name, value);
}

void WorkspaceDocument::setLastRunScope(const QString &resourceName, WorkflowKind workflow,
                                        const Scope &scope)
{
    m_lastRuns.insert(lastRunKey(resourceName, workflow), {scope, ++m_lastRunCount});
    // Typing after a test run is a new undo step: Undo goes back to what was tested, not past it.
    ++m_typingGeneration;
    Q_EMIT lastRunChanged();
}

QHash<QString, QString> WorkspaceDocument::variableOverrides() const
{
    QHash<QString, QString> inEffect;
    for (const KeyValue &variable : m_workspace.variables) {
        const auto it = m_overrides.constFind(variable.name);
        if (variable.enabled && it != m_overrides.constEnd())
            inEffect.insert(variable.name, it.value());
    }
    return inEffect;
}

Scope WorkspaceDocument::initialScope() const
{
    // An override replaces the value of a variable the workspace has; it adds none, so a workspace
    // without DEMO_API runs in the studio as it does in the CLI.
    return VariableScope::of(m_workspace.variables, variableOverrides(), VariableScope::Given::ReplacesOnly);
}

SetValueCommand::Value WorkspaceDocument::valueAt(const SetValueCommand::Target &target) const
{
    switch (target.kind) {
    case SetValueCommand::Target::Kind::Variables:
        return m_workspace.variables;
    case SetValueCommand::Target::Kind::ResourceValue:
        return resource(target.ref.resource);
    case SetValueCommand::Target::Kind::StepValue:
        return step(target.ref);
    }
    return {};
}

void WorkspaceDocument::applyValue(const SetValueCommand::Target &target, const SetValueCommand::Value &value)
{
    switch (target.kind) {
    case SetValueCommand::Target::Kind::Variables:
        m_workspace.variables = std::get<KeyValueList>(value);
        notify(DocumentChange::workspaceChanged());
        break;
    case SetValueCommand::Target::Kind::ResourceValue: {
        const QString before = resource(target.ref.resource).name;
        m_workspace.resources[target.ref.resource] = std::get<Resource>(value);
        renameLastRuns(before, resource(target.ref.resource).name);
        DocumentChange change =
            DocumentChange::resourceEvent(DocumentChange::Kind::ResourceChanged, target.ref.resource);
        // A step rename rewrites the whole resource (the references to the step too); the change still
        // says which step it was about, for Undo to show it.
        change.workflow = target.ref.workflow;
        change.step = target.ref.step;
        notify(change);
        break;
    }
    case SetValueCommand::Target::Kind::StepValue:
        workflowRef(target.ref.resource, target.ref.workflow).steps[target.ref.step] = std::get<Step>(value);
        notify(DocumentChange::stepEvent(DocumentChange::Kind::StepChanged, target.ref));
        break;
    }
}

void WorkspaceDocument::insertResourceRaw(int index, const Resource &value)
{
    m_workspace.resources.insert(index, value);
    notify(DocumentChange::resourceEvent(DocumentChange::Kind::ResourceAdded, index));
}

Resource WorkspaceDocument::takeResourceRaw(int index)
{
    Resource taken = m_workspace.resources.takeAt(index);
    notify(DocumentChange::resourceEvent(DocumentChange::Kind::ResourceRemoved, index));
    return taken;
}

void WorkspaceDocument::moveResourceRaw(int from, int to)
{
    m_workspace.resources.move(from, to);
    notify(DocumentChange::resourceEvent(DocumentChange::Kind::ResourceMoved, from, to));
}

void WorkspaceDocument::insertStepRaw(const StepRef &ref, const Step &value)
{
    workflowRef(ref.resource, ref.workflow).steps.insert(ref.step, value);
    notify(DocumentChange::stepEvent(DocumentChange::Kind::StepAdded, ref));
}

Step WorkspaceDocument::takeStepRaw(const StepRef &ref)
{
    Step taken = workflowRef(ref.resource, ref.workflow).steps.takeAt(ref.step);
    notify(DocumentChange::stepEvent(DocumentChange::Kind::StepRemoved, ref));
    return taken;
}

void WorkspaceDocument::moveStepRaw(const StepRef &from, int to)
{
    workflowRef(from.resource, from.workflow).steps.move(from.step, to);
    notify(DocumentChange::stepEvent(DocumentChange::Kind::StepMoved, from, to));
}

void WorkspaceDocument::setStepEnabledRaw(const StepRef &ref, bool enabled)
{
    std::visit([enabled](auto &s) { s.enabled = enabled; },
               workflowRef(ref.resource, ref.workflow).steps[ref.step]);
    notify(DocumentChange::stepEvent(DocumentChange::Kind::StepChanged, ref));
}

void WorkspaceDocument::setWorkspaceNameRaw(const QString &name)
{
    m_workspace.name = name;
    notify(DocumentChange::workspaceChanged());
}

bool WorkspaceDocument::push(std::unique_ptr<QUndoCommand> command)
{
    // An edit made while the document announces a change (a view writing back what it showed, from inside
    // an Undo) would land in the middle of the stack's own undo or redo, which corrupts it: Redo then
    // crashed (QA pass 35). Such an edit is a bug of the view's; it is dropped, and said for its developer.
    if (m_notifying) {
        qWarning("WorkspaceDocument: dropped an edit (%s) made while a change was being announced",
                 qPrintable(command->text()));
        return false;
    }
    m_undoStack->push(command.release()); // the stack owns its commands
    return true;
}

void WorkspaceDocument::notify(DocumentChange change)
{
    change.serial = ++m_changeSerial;
    const QScopedValueRollback<bool> notifying(m_notifying, true);
    Q_EMIT changed(change);
}

Workflow &WorkspaceDocument::workflowRef(int resourceIndex, WorkflowKind kind)
{
    CustomAuth &auth = m_workspace.resources[resourceIndex].customAuth;
    return kind == WorkflowKind::Auth ? auth.authWorkflow : auth.refreshWorkflow;
}

void WorkspaceDocument::resetTo(const Workspace &workspace, const QString &filePath)
{
    m_undoStack->clear();
    // clear() does nothing on an empty stack, not even restore the clean state: after a restored
    // recovery (whose clean state is nowhere) every later document would have looked modified.
    m_undoStack->setClean();
    m_workspace = workspace;
    m_lastRuns.clear(); // another workspace's replies
    m_diskStamp = {}; // set by the callers that read a file (announced by them)
    m_reloadedAt = -1;
    setFilePath(filePath);
    notify(DocumentChange::reset());
    // clear() leaves the stack clean, but only announces it when it wasn't: say it for views that
    // show a restored state after a dirty one.
    Q_EMIT modifiedChanged(isModified());
}

void WorkspaceDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

} // namespace AuthStudio
