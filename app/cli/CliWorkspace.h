// CliWorkspace: what the auth, query and logout commands share: the options that name the workspace,
// resource, variables, inputs, profile and session store, and loading them with errors in the CLI's
// "FILE: PLACE: REASON" form.
#pragma once

#include "model/Workspace.h"
#include "script/ScriptEngine.h"

#include <QCommandLineParser>
#include <QHash>

#include <memory>

namespace AuthStudio {
class DemoServer;
class SecretStore;
} // namespace AuthStudio

class CliWorkspace
{
public:
    // AuthWorkflowRun and Queries: what the command runs, whose undefined names load() refuses.
    enum Option {
        Inputs = 1,
        Variables = 2,
        DemoServerOption = 4,
        Profile = 8,
        SessionStore = 16,
        AuthWorkflowRun = 32,
        Queries = 64,
        ScriptTimeout = 128 // --script-timeout, for the commands whose runs may run scripts
    };

    explicit CliWorkspace(int options);
    ~CliWorkspace();

    void addOptions(QCommandLineParser &parser) const;
    // Loads the file (a workspace or a resource export) and resource (--resource, or the file's only one)
    // and starts the demo API when asked; prints the error and returns false.
    bool load(const QCommandLineParser &parser);

    const AuthStudio::Workspace &workspace() const { return m_workspace; }
    const AuthStudio::Resource &resource() const { return *m_resource; }
    QString file() const { return m_file; }
    // The workspace's identity for session keys: its file's canonical path.
    QString workspaceId() const { return m_workspaceId; }
    QHash<QString, QString> inputs() const { return m_inputs; }
    QHash<QString, QString> variables() const { return m_variables; }
    QString profile() const { return m_profile; }
    int scriptTimeoutMs() const { return m_scriptTimeoutMs; }
    // The store the --session-store option (or AUTHSTUDIO_SESSION_STORE) names; the keychain by default.
    std::unique_ptr<AuthStudio::SecretStore> createStore() const;

private:
    bool readFile();
    bool checkInputs() const;
    bool checkVariables() const;
    bool checkNamesDefined() const;

    int m_options;
    AuthStudio::Workspace m_workspace;
    const AuthStudio::Resource *m_resource = nullptr;
    QString m_file;
    bool m_export = false; // the file is a resource export (an "authstudio-resource" file)
    QString m_workspaceId;
    QHash<QString, QString> m_inputs;
    QHash<QString, QString> m_variables;
    QString m_profile;
    QString m_store;
    int m_scriptTimeoutMs = AuthStudio::ScriptEngine::DefaultTimeoutMs;
    std::unique_ptr<AuthStudio::DemoServer> m_demoServer;
};
