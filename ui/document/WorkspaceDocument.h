// WorkspaceDocument: the open workspace as the studio edits it. It owns the Workspace value, the undo
// stack, the file path and the saved/modified state (the undo stack's clean index). Every edit goes
// through an undo command, and every change, including undo and redo, is announced through the one
// changed() signal that models and editors subscribe to. Reading and writing files goes through
// WorkspaceReader/WorkspaceWriter; failures leave errorString() with the FormatError text.
#pragma once

#include "DocumentChange.h"
#include "FileStamp.h"
#include "KeyValueRef.h"
#include "SetValueCommand.h"
#include "format/FormatError.h"
#include "model/Workspace.h"
#include "script/KnownNames.h"
#include "script/Scope.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QUndoCommand;
class QUndoStack;

namespace AuthStudio {

class WorkspaceDocument : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    const Workspace &workspace() const { return m_workspace; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    // The file name, else the workspace name, else "Untitled": what the title bar shows.
    QString displayName() const;
    bool isModified() const;
    QString errorString() const { return m_errorString; }
    // Where the last save failed: for a rule the workspace breaks, a JSON pointer into the file
    // ("/resources/1/auth/authWorkflow/5/url"), for the window to show the place; empty when it saved.
    QString saveErrorPlace() const { return m_saveErrorPlace; }
    // The serial of the last change announced (see DocumentChange::serial), and whether changed() is
    // being emitted right now.
    quint64 changeSerial() const { return m_changeSerial; }
    bool isNotifying() const { return m_notifying; }

    // Files. All of them reset the undo history except importResource (an undoable edit).
    void newWorkspace();
    bool load(const QString &path);
    // The same, with the file read and checked on a worker thread (a big workspace takes tens of
    // milliseconds); the document changes on this thread and loadFinished() reports the outcome. A newer
    // call supersedes one still reading.
    void loadInBackground(const QString &path);
    bool isLoading() const { return m_loading != nullptr; }
    // Opens workspace bytes that have no file of their own (the bundled demo): Save asks for a path.
    bool loadData(const QByteArray &data, const QString &sourceName);
    bool save(); // to filePath(); fails when there is none
    bool saveAs(const QString &path);
    // A pause in typing this long starts a new undo step: one Ctrl+Z then takes back a burst of typing,
    // not minutes of it. Tests set 0 to make every edit its own step.
    static constexpr int DefaultTypingPauseMs = 1000;
    void setTypingPauseMs(int ms) { m_typingPauseMs = ms; }

    // Whether something else has written the file since this document read or saved it (another window,
    // an editor, a checkout): saving would then throw its changes away.
    bool changedOnDisk() const;
    // Whether the file this document read or saved is gone (deleted, or moved away): Save writes it again.
    bool removedFromDisk() const;
    // Reads the file again, on a worker thread, and makes what it holds now the document's content as one
    // undoable step ("Reload from disk"): Undo brings back what was shown before, unsaved changes
    // included, so reloading loses nothing. The document is then unmodified (it is what the file holds).
    // reloadFinished() reports the outcome; errorString() says why it failed (the document is then as it
    // was). A load, or a newer reload, supersedes a reload still reading; none starts during a load.
    bool reloadInBackground(); // false when it can't start (no file, or a load under way)
    // Whether Undo has gone back past a reload: the workspace shown is then the window's version from
    // before it, and saving it would overwrite what the other program wrote, which the file still holds
    // (QA pass 41: Reload, Undo, Save did so without a word).
    bool undidReload() const;
    // Whether the workspace (or one resource, for export) keeps the file rules, as saving checks them:
    // Save As and Export say what is wrong before asking for a file name. When not, errorString() and
    // saveErrorPlace() say why and where.
    bool keepsFileRules();
    bool resourceKeepsFileRules(int index);
    bool exportResource(int index, const QString &path);
    // Reads an "authstudio-resource" file and appends it (renamed when the name is taken); returns the
    // new index or -1. `nameInFile`, when given, gets the name the file gave it.
    int importResource(const QString &path, QString *nameInFile = nullptr);
    // Opens an autosaved recovery file as unsaved changes to `originalPath` (empty: an untitled workspace).
    bool restoreRecovery(const QString &recoveryPath, const QString &originalPath);

    // Reading. Indices must be valid.
    int resourceCount() const { return int(m_workspace.resources.size()); }
    const Resource &resource(int index) const { return m_workspace.resources.at(index); }
    const Workflow &workflow(int resource, WorkflowKind kind) const;
    bool isValidStep(const StepRef &ref) const;
    const Step &step(const StepRef &ref) const;
    // An empty list when the table doesn't exist (e.g. the step isn't an API Request).
    KeyValueList keyValues(const KeyValueRef &ref) const;
    bool hasKeyValueTable(const KeyValueRef &ref) const;
    QString uniqueResourceName(const QString &base) const;
    // The names an expression in this step can use: workspace variables (and overrides), the steps
    // before it, and for the refresh workflow the variables the auth workflow defines (the session
    // keeps them). Expression fields offer them as completions and flag other names; scripts flag the
    // names of the workflow's other steps (KnownNames::unavailableSteps).
    KnownNames namesKnownAt(const StepRef &ref) const;
    // The names resource fields (headers, URL parameters, login test URL) can use: workspace variables and
    // the variables the workflows define.
    KnownNames namesKnownToResource(int resource) const;

    // Editing: each call is one undoable step, and does nothing when the value doesn't change. Calls
    // with the same non-empty mergeKey on the same target merge into one step (typing in a field), but
    // never into the saved state, across a finished test run (setLastRunScope) or a move of the keyboard
    // focus: typing on then starts a new step, so Undo goes back to what was saved or tested, or to how
    // the field was when the user came back to it.
    void setVariables(const KeyValueList &variables, const QString &text, const QString &mergeKey = {});
    void setResource(int index, const Resource &resource, const QString &text, const QString &mergeKey = {});
    void setStep(const StepRef &ref, const Step &step, const QString &text, const QString &mergeKey = {});
    void setKeyValues(const KeyValueRef &ref, const KeyValueList &rows, const QString &text,
                      const QString &mergeKey = {});

    // `index` -1 appends. Returns the new index.
    int addResource(const Resource &resource, int index = -1, const QString &text = {});
    int addNewResource(); // a REST resource named "Resource N"
    void removeResource(int index);
    void moveResource(int from, int to);
    int duplicateResource(int index); // inserted after the original

    int addStep(int resource, WorkflowKind workflow, const Step &step, int index = -1,
                const QString &text = {});
    // A new step of this type with the next free name (form1, http2, ...), at `index` (-1 appends); Form
    // steps ask for email and password, and an API Request after a form posts its answers. Returns the
    // new step's index.
    int addNewStep(int resource, WorkflowKind workflow, StepType type, int index = -1);
    void removeStep(const StepRef &ref);
    void moveStep(const StepRef &from, int to);
    int duplicateStep(const StepRef &ref);
    void setStepEnabled(const StepRef &ref, bool enabled);
    // Renames the step and rewrites, in the same undoable step, the expressions of its resource that refer
    // to it ({{ http1.body }} becomes {{ login.body }}; see ReferenceRenamer). Typing merges as above.
    void renameStep(const StepRef &ref, const QString &name, const QString &mergeKey = {});
    // What renaming the step to `name` would mix up: the steps and resource fields that already use that
    // name for something else (see ReferenceRenamer::clashes).
    QStringList renameClashes(const StepRef &ref, const QString &name) const;
    // Renames workspace variable `index` and rewrites, in the same undoable step, the references to it in
    // every resource (see ReferenceRenamer::renameVariable). A half-typed or taken name, or a disabled
    // variable, changes the name only. Overrides stay with their name, DEMO_API: they are the demo API's
    // address for that name, which is also what starts the demo API when a workspace opens.
    void renameVariable(int index, const QString &name);

    // Values that replace workspace variables when workflows run here, without being an edit (the
    // embedded demo API's address for DEMO_API): the file keeps its value and the document stays clean.
    // Overrides last for the studio's life (the demo API keeps running), but apply only to a workspace
    // that has the variable: variableOverrides() are those in effect for this one, and give the Auth
    // Login preview the same scope as a test run.
    void setVariableOverride(const QString &name, const QString &value);
    QHash<QString, QString> variableOverrides() const;
    // The scope a test run starts with: enabled workspace variables, then the overrides.
    Scope initialScope() const;
    // The scope the last test run of a resource's workflow left, whose keys expression fields offer as
    // completions. Not an edit either; lastRunChanged() tells the editors.
    void setLastRunScope(const QString &resourceName, WorkflowKind workflow, const Scope &scope);

Q_SIGNALS:
    void loadFinished(const QString &path, bool ok); // errorString() says why when !ok
    void reloadFinished(bool ok); // errorString() says why when !ok
    // What the document knows of its file changed: read, saved, reloaded (see changedOnDisk()).
    void diskStampChanged();
    void changed(const AuthStudio::DocumentChange &change);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void lastRunChanged();

private:
    // Validates `checked` as saving would; when it breaks a rule, errorString() is `failure` filled with
    // the place in the editors' words and the reason, and saveErrorPlace() points into this workspace, the
    // checked workspace's first resource being resource `firstResource` here.
    bool keepsRules(const Workspace &checked, const QString &failure, int firstResource);
    // A writer's error for the user: a broken rule's place in the editors' words.
    static QString describe(const FormatError &error, const Workspace &workspace);

    friend class SetValueCommand;
    friend class AddRemoveResourceCommand;
    friend class MoveResourceCommand;
    friend class AddRemoveStepCommand;
    friend class MoveStepCommand;
    friend class SetStepEnabledCommand;
    friend class RenameStepCommand;
    friend class RenameVariableCommand;
    friend class SetWorkspaceNameCommand;

    // The primitive changes the commands apply; each emits changed().
    SetValueCommand::Value valueAt(const SetValueCommand::Target &target) const;
    void applyValue(const SetValueCommand::Target &target, const SetValueCommand::Value &value);
    void insertResourceRaw(int index, const Resource &resource);
    Resource takeResourceRaw(int index);
    void moveResourceRaw(int from, int to);
    void insertStepRaw(const StepRef &ref, const Step &step);
    Step takeStepRaw(const StepRef &ref);
    void moveStepRaw(const StepRef &from, int to);
    void setStepEnabledRaw(const StepRef &ref, bool enabled);
    void setWorkspaceNameRaw(const QString &name);
    // Edits the workspace into `target` in one undoable step named `text`, resource by resource, so that
    // views keep their place and sessions follow renamed resources as they do for any edit.
    void becomeWorkspace(const Workspace &target, const QString &text);
    void setDiskStamp(const FileStamp &stamp);

    Workflow &workflowRef(int resource, WorkflowKind kind);
    // A resource renamed from `before` to `now` keeps its last test runs.
    void renameLastRuns(const QString &before, const QString &now);
    void notify(DocumentChange change);
    // Every edit's way onto the undo stack; false when it is refused (see the definition).
    bool push(std::unique_ptr<QUndoCommand> command);
    void resetTo(const Workspace &workspace, const QString &filePath);
    // A file's read result into the document: the workspace, or the error; false for the error.
    bool applyRead(const std::optional<Workspace> &workspace, const QString &error, const QString &path,
                   const FileStamp &stamp);
    void setFilePath(const QString &path);
    void setValue(const SetValueCommand::Target &target, SetValueCommand::Value value, const QString &text,
                  const QString &mergeKey);
    QString typingMergeKey(const QString &mergeKey);

    Workspace m_workspace;
    QUndoStack *m_undoStack;
    QString m_filePath;
    FileStamp m_diskStamp; // the file as last read or written here
    int m_reloadedAt = -1; // the undo stack's index right after the last reload, until a save or load
    QString m_errorString;
    QString m_saveErrorPlace;
    QObject *m_loading = nullptr; // the watcher of the read in progress
    QObject *m_reloading = nullptr; // the same for a reload
    QHash<QString, QString> m_overrides;
    struct LastRun
    {
        Scope scope;
        quint64 id = 0;
    };
    QHash<QString, LastRun> m_lastRuns; // by lastRunKey(): resource names, as indexes shift
    quint64 m_lastRunCount = 0;
    // Goes up at each finished test run, focus change and pause in typing; part of every typing merge key,
    // so typing after any of them doesn't merge into the step before it. (QUndoStack already never merges
    // into the clean step.)
    int m_typingGeneration = 0;
    QElapsedTimer m_sinceTyping; // since the last edit with a merge key
    int m_typingPauseMs = DefaultTypingPauseMs;
    quint64 m_changeSerial = 0;
    bool m_notifying = false;
};

} // namespace AuthStudio
