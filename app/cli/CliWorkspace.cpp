#include "CliWorkspace.h"

#include "CliOutput.h"
#include "demo/DemoServer.h"
#include "format/WorkspaceReader.h"
#include "session/FileSecretStore.h"
#include "session/KeychainSecretStore.h"
#include "session/MemorySecretStore.h"
#include "session/SessionManager.h"

#include <QFileInfo>

using namespace AuthStudio;

namespace {

bool parsePairs(const QStringList &values, const QString &option, QHash<QString, QString> &pairs)
{
    for (const QString &item : values) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            // Only the key part is echoed: the value may be a password.
            CliOutput::err(QStringLiteral("--%1: expected KEY=VALUE, got '%2'")
                               .arg(option, equals < 0 ? item.left(40) : item.left(equals)));
            return false;
        }
        pairs.insert(item.left(equals), item.mid(equals + 1));
    }
    return true;
}

} // namespace

CliWorkspace::CliWorkspace(int options)
    : m_options(options)
{ }

CliWorkspace::~CliWorkspace() = default;

void CliWorkspace::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace file."));
    parser.addOption(
        {QStringLiteral("resource"), QStringLiteral("The resource to use."), QStringLiteral("NAME")});
    if (m_options & Inputs)
        parser.addOption(
            {QStringLiteral("input"),
             QStringLiteral("A form value, e.g. form1.email=me@example.com (repeatable). Otherwise "
                            "AUTHSTUDIO_INPUT_<STEP>_<FIELD>, otherwise a terminal prompt."),
             QStringLiteral("KEY=VALUE")});
    if (m_options & Variables)
        parser.addOption(
            {QStringLiteral("var"),
             QStringLiteral(
                 "Overrides a workspace variable, e.g. DEMO_API=http://127.0.0.1:9000 (repeatable)."),
             QStringLiteral("NAME=VALUE")});
    if (m_options & DemoServerOption)
        parser.addOption(
            {QStringLiteral("with-demo-server"),
             QStringLiteral(
                 "Starts the demo API inside this process on a free port and points DEMO_API at it.")});
    if (m_options & Profile)
        parser.addOption(
            {QStringLiteral("profile"),
             QStringLiteral("The user profile whose session is used (default: your OS user name)."),
             QStringLiteral("P")});
    if (m_options & SessionStore)
        parser.addOption(
            {QStringLiteral("session-store"),
             QStringLiteral("Where sessions are kept: keychain (default; the OS keychain), file (files "
                            "readable only by you, in %1) or memory (this run only). Also "
                            "AUTHSTUDIO_SESSION_STORE.")
                 .arg(FileSecretStore::defaultDirectory()),
             QStringLiteral("STORE")});
}

bool CliWorkspace::load(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("resource"))) {
        CliOutput::err(QStringLiteral("expected FILE and --resource NAME (see --help)"));
        return false;
    }
    if ((m_options & Inputs) &&
        !parsePairs(parser.values(QStringLiteral("input")), QStringLiteral("input"), m_inputs))
        return false;
    if ((m_options & Variables) &&
        !parsePairs(parser.values(QStringLiteral("var")), QStringLiteral("var"), m_variables))
        return false;
    if (m_options & Profile)
        m_profile = parser.value(QStringLiteral("profile"));
    if (m_profile.isEmpty())
        m_profile = SessionManager::defaultProfile();
    if (m_options & SessionStore) {
        m_store = parser.isSet(QStringLiteral("session-store"))
            ? parser.value(QStringLiteral("session-store"))
            : qEnvironmentVariable("AUTHSTUDIO_SESSION_STORE", QStringLiteral("keychain"));
        if (m_store != QLatin1String("keychain") && m_store != QLatin1String("file") &&
            m_store != QLatin1String("memory")) {
            CliOutput::err(
                QStringLiteral("--session-store: expected keychain, file or memory, got '%1'").arg(m_store));
            return false;
        }
    }

    m_file = parser.positionalArguments().first();
    WorkspaceReader reader;
    const std::optional<Workspace> workspace = reader.readFile(m_file);
    if (!workspace) {
        CliOutput::err(reader.error().toString());
        return false;
    }
    m_workspace = *workspace;
    m_workspaceId = QFileInfo(m_file).canonicalFilePath();
    const QString name = parser.value(QStringLiteral("resource"));
    m_resource = m_workspace.findResource(name);
    if (!m_resource) {
        QStringList names;
        for (const Resource &r : m_workspace.resources)
            names.append(QStringLiteral("\"%1\"").arg(r.name));
        CliOutput::err(QStringLiteral("%1: no resource named \"%2\" (the workspace has: %3)")
                           .arg(m_file, name,
                                names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        return false;
    }
    if (!checkInputs())
        return false;
    if ((m_options & DemoServerOption) && parser.isSet(QStringLiteral("with-demo-server"))) {
        m_demoServer = std::make_unique<DemoServer>();
        if (!m_demoServer->listen(0)) {
            CliOutput::err(QStringLiteral("can't start the demo API: %1").arg(m_demoServer->errorString()));
            return false;
        }
        m_variables.insert(QStringLiteral("DEMO_API"), m_demoServer->baseUrl().toString());
    }
    return true;
}

// An input that no form of the resource asks for is a typo (a misspelt step or field); ignored, the run
// would prompt or fail on the field that was meant, far from the cause.
bool CliWorkspace::checkInputs() const
{
    QHash<QString, QStringList> forms; // form step name -> its field keys, in both workflows
    for (const Workflow *workflow :
         {&m_resource->customAuth.authWorkflow, &m_resource->customAuth.refreshWorkflow}) {
        for (const Step &step : workflow->steps) {
            if (const auto *form = std::get_if<FormStep>(&step)) {
                for (const FormField &field : form->fields)
                    forms[form->name].append(field.key);
            }
        }
    }
    for (auto it = m_inputs.constBegin(); it != m_inputs.constEnd(); ++it) {
        const QString stepName = it.key().section(QLatin1Char('.'), 0, 0);
        const QString field = it.key().section(QLatin1Char('.'), 1);
        QString problem;
        if (stepName.isEmpty() || field.isEmpty()) {
            problem = QStringLiteral("expected STEP.FIELD=VALUE, e.g. form1.email=me@example.com");
        } else if (!forms.contains(stepName)) {
            const QStringList names = forms.keys();
            problem = QStringLiteral("resource \"%1\" has no Form step named '%2' (its forms: %3)")
                          .arg(m_resource->name, stepName,
                               names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
        } else if (!forms.value(stepName).contains(field)) {
            problem = QStringLiteral("%1 has no field '%2' (its fields: %3)")
                          .arg(stepName, field, forms.value(stepName).join(QStringLiteral(", ")));
        }
        if (!problem.isEmpty()) {
            CliOutput::err(QStringLiteral("--input %1: %2").arg(it.key(), problem));
            return false;
        }
    }
    return true;
}

std::unique_ptr<SecretStore> CliWorkspace::createStore() const
{
    if (m_store == QLatin1String("memory"))
        return std::make_unique<MemorySecretStore>();
    if (m_store == QLatin1String("file"))
        return std::make_unique<FileSecretStore>(FileSecretStore::defaultDirectory());
    return std::make_unique<KeychainSecretStore>();
}
