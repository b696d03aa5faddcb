#include "CliWorkspace.h"

#include "CliOutput.h"
#include "demo/DemoServer.h"
#include "format/WorkspaceReader.h"
#include "format/WorkspaceValidator.h"
#include "script/ReferenceRenamer.h"
#include "script/ResourceReferences.h"
#include "session/FileSecretStore.h"
#include "session/KeychainSecretStore.h"
#include "session/MemorySecretStore.h"
#include "session/SessionManager.h"

#include <QFileInfo>

#include <algorithm>

using namespace AuthStudio;

namespace {

bool parsePairs(const QStringList &values, const QString &option, QHash<QString, QString> &pairs)
{
    for (const QString &item : values) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            // Not echoed: without its '=' the key and the value (a password) can't be told apart (QA pass
            // 50: "form1.password:hunter2" was printed back whole).
            CliOutput::err(
                equals < 0
                    ? QStringLiteral("--%1: expected KEY=VALUE, with '=' between the key and the "
                                     "value (what was given isn't echoed: it may hold a password)")
                          .arg(option)
                    : QStringLiteral("--%1: expected KEY=VALUE, with a key before the '='").arg(option));
            return false;
        }
        // Twice is a mistake either way (two values for one field): which one was meant can't be known.
        if (pairs.contains(item.left(equals))) {
            CliOutput::err(QStringLiteral("--%1 %2: given twice").arg(option, item.left(equals)));
            return false;
        }
        pairs.insert(item.left(equals), item.mid(equals + 1));
    }
    return true;
}

// Edits between two names, letters compared without case: DEMO_APi is DEMO_API mistyped, at distance 0.
qsizetype editDistance(const QString &a, const QString &b)
{
    QList<qsizetype> previous(b.size() + 1);
    QList<qsizetype> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const bool same = a.at(i - 1).toLower() == b.at(j - 1).toLower();
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// The candidate a typo most likely meant, if one is close enough to suggest: a third of the name may differ.
QString closestName(const QString &name, const QStringList &candidates)
{
    QString closest;
    qsizetype best = std::max<qsizetype>(1, name.size() / 3) + 1;
    for (const QString &candidate : candidates) {
        if (const qsizetype distance = editDistance(name, candidate); distance < best) {
            best = distance;
            closest = candidate;
        }
    }
    return closest;
}

// Whether a run of `resource` reads `name` from the workspace's scope: in a {{ }} field, a script, a JSON
// body, wherever a step or a session variable of that name doesn't hide it. ReferenceRenamer knows those
// rules: the resource reads the name exactly when renaming a workspace variable of that name changes it.
bool readsWorkspaceName(const Resource &resource, const QString &name)
{
    if (!WorkspaceValidator::isIdentifier(name))
        return false;
    Workspace probe;
    probe.variables.append(KeyValue {name, QString(), true});
    probe.resources.append(resource);
    // A name no resource has, so the rename is never refused as taken.
    const Workspace renamed = ReferenceRenamer::renameVariable(probe, 0, QStringLiteral("$cli$") + name);
    return renamed.resources.first() != resource;
}

} // namespace

CliWorkspace::CliWorkspace(int options)
    : m_options(options)
{ }

CliWorkspace::~CliWorkspace() = default;

void CliWorkspace::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral(
            "The workspace file (.authstudio.json) or a resource export (.authstudio-resource.json)."));
    parser.addOption({QStringLiteral("resource"),
                      QStringLiteral("The resource to use; needed when the file has more than one."),
                      QStringLiteral("NAME")});
    if (m_options & Inputs)
        parser.addOption(
            {QStringLiteral("input"),
             QStringLiteral("A form value, e.g. form1.email=me@example.com (repeatable). Otherwise "
                            "AUTHSTUDIO_INPUT_<STEP>_<FIELD>, otherwise a terminal prompt."),
             QStringLiteral("KEY=VALUE")});
    if (m_options & Variables)
        parser.addOption(
            {QStringLiteral("var"),
             QStringLiteral("Overrides a workspace variable, e.g. DEMO_API=http://127.0.0.1:9000, or gives "
                            "one the resource reads that the workspace lacks (repeatable). Any other name "
                            "is refused as a typo."),
             QStringLiteral("NAME=VALUE")});
    if (m_options & DemoServerOption)
        parser.addOption(
            {QStringLiteral("with-demo-server"),
             QStringLiteral("Starts the demo API inside this process on a free port and points DEMO_API at "
                            "it. An explicit --var DEMO_API=URL wins: then no demo API is started.")});
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
    if (m_options & ScriptTimeout)
        parser.addOption({QStringLiteral("script-timeout"),
                          QStringLiteral("Stops a script (or {{ }} expression) running longer than this. "
                                         "Default %1.")
                              .arg(ScriptEngine::DefaultTimeoutMs),
                          QStringLiteral("MS"), QString::number(ScriptEngine::DefaultTimeoutMs)});
}

bool CliWorkspace::load(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1) {
        CliOutput::err(QStringLiteral("expected one FILE (see --help)"));
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

    if (m_options & ScriptTimeout) {
        bool ok = false;
        m_scriptTimeoutMs = parser.value(QStringLiteral("script-timeout")).toInt(&ok);
        if (!ok || m_scriptTimeoutMs <= 0) {
            CliOutput::err(QStringLiteral("--script-timeout: expected a positive number of milliseconds"));
            return false;
        }
    }

    m_file = parser.positionalArguments().first();
    if (!readFile())
        return false;
    m_workspaceId = QFileInfo(m_file).canonicalFilePath();
    QStringList names;
    for (const Resource &r : m_workspace.resources)
        names.append(QStringLiteral("\"%1\"").arg(r.name));
    const QString listed = names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
    if (parser.isSet(QStringLiteral("resource"))) {
        const QString name = parser.value(QStringLiteral("resource"));
        m_resource = m_workspace.findResource(name);
        if (!m_resource) {
            // Names are matched exactly (two resources may differ in case only); a close one, as --var
            // suggests for a variable (its distance ignores case), is named.
            QStringList resourceNames;
            for (const Resource &r : m_workspace.resources)
                resourceNames.append(r.name);
            const QString meant = closestName(name, resourceNames);
            const QString hint =
                meant.isEmpty() ? QString() : QStringLiteral("; did you mean \"%1\"?").arg(meant);
            CliOutput::err(m_export ? QStringLiteral("%1: no resource named \"%2\": the export holds %3%4")
                                          .arg(m_file, name, listed, hint)
                                    : QStringLiteral("%1: no resource named \"%2\" (the workspace has: %3)%4")
                                          .arg(m_file, name, listed, hint));
            return false;
        }
    } else if (m_workspace.resources.size() == 1) {
        // Nothing to choose from: a resource export, or a workspace of one resource.
        m_resource = &m_workspace.resources.first();
    } else {
        CliOutput::err(
            QStringLiteral("%1: which resource? Name it with --resource NAME (the workspace has: %2)")
                .arg(m_file, listed));
        return false;
    }
    if (!checkInputs() || !checkVariables())
        return false;
    const QString demoApi = QStringLiteral("DEMO_API");
    if ((m_options & DemoServerOption) && parser.isSet(QStringLiteral("with-demo-server")) &&
        m_variables.contains(demoApi)) {
        // What the user typed for this run beats a convenience default, as options do.
        CliOutput::err(QStringLiteral("note: --var DEMO_API is used; --with-demo-server starts no demo API"));
    } else if ((m_options & DemoServerOption) && parser.isSet(QStringLiteral("with-demo-server"))) {
        m_demoServer = std::make_unique<DemoServer>();
        if (!m_demoServer->listen(0)) {
            CliOutput::err(QStringLiteral("can't start the demo API: %1").arg(m_demoServer->errorString()));
            return false;
        }
        m_variables.insert(demoApi, m_demoServer->baseUrl().toString());
        // Started for nothing otherwise: said, as the run then goes wherever the resource points (QA pass
        // 50: no word of it).
        if (!readsWorkspaceName(*m_resource, demoApi))
            CliOutput::err(QStringLiteral("note: resource \"%1\" doesn't read DEMO_API, so the demo API "
                                          "--with-demo-server started goes unused")
                               .arg(m_resource->name));
    } else if ((m_options & DemoServerOption) && !m_variables.contains(demoApi)) {
        // A workspace built in the studio against its demo API keeps DEMO_API empty (the studio fills it in
        // while it runs): without this note the run failed on "'/post' is not a valid ... URL" (QA pass 21).
        const KeyValue *variable = m_workspace.findVariable(demoApi);
        if (variable && variable->enabled && variable->value.trimmed().isEmpty() &&
            readsWorkspaceName(*m_resource, demoApi))
            CliOutput::err(QStringLiteral("note: DEMO_API is empty in %1; --with-demo-server runs the "
                                          "built-in demo API for it, or give it with --var DEMO_API=URL")
                               .arg(m_file));
    }
    return checkNamesDefined();
}

bool CliWorkspace::readFile()
{
    WorkspaceReader reader;
    const std::optional<QByteArray> bytes = reader.readBytes(m_file);
    if (!bytes) {
        CliOutput::err(reader.error().toString());
        return false;
    }
    const QByteArray &data = *bytes;
    if (WorkspaceReader::isResourceExport(data)) {
        // A resource exported from the studio runs on its own; what it read from its workspace's
        // variables comes from --var (checkNamesDefined says which).
        const std::optional<Resource> resource = reader.readResource(data, m_file);
        if (!resource) {
            CliOutput::err(reader.error().toString());
            return false;
        }
        m_export = true;
        m_workspace = Workspace();
        m_workspace.resources.append(*resource);
        return true;
    }
    const std::optional<Workspace> workspace = reader.read(data, m_file);
    if (!workspace) {
        CliOutput::err(reader.error().toString());
        return false;
    }
    m_workspace = *workspace;
    return true;
}

// A name that what this command runs reads and nothing defines (not a workspace variable, nor --var, nor a
// step before it) stops the run there: said before a form asks for a password, with how to give it. The
// same rule as validate's warnings and the studio's Test.
bool CliWorkspace::checkNamesDefined() const
{
    if (!(m_options & (AuthWorkflowRun | Queries)))
        return true;
    const QStringList known = m_variables.keys() + m_workspace.enabledVariableNames();
    QList<ResourceReferences::UndefinedRead> undefined;
    if ((m_options & AuthWorkflowRun) && m_resource->authMethod == Resource::AuthMethod::Custom)
        undefined = ResourceReferences::undefinedReads(m_resource->customAuth.authWorkflow, known);
    if (m_options & Queries) {
        // Every query evaluates the resource's own fields; a login runs only when there is no session.
        for (const QString &name : ResourceReferences::undefinedFieldNames(*m_resource, known))
            undefined.append({QString(), name});
    }
    // A misspelt form field reads null, and the run sends that without a word: warned, as validate does,
    // not refused (null may be meant).
    if (m_resource->authMethod == Resource::AuthMethod::Custom) {
        for (const ResourceReferences::UnknownFormField &unknown :
             ResourceReferences::unknownFormFields(*m_resource)) {
            CliOutput::err(
                QStringLiteral("%1: warning: %2").arg(m_file, ResourceReferences::describe(unknown)));
        }
    }
    if (undefined.isEmpty())
        return true;
    QStringList names;
    for (const ResourceReferences::UndefinedRead &read : std::as_const(undefined)) {
        if (!names.contains(read.name))
            names.append(read.name);
    }
    const ResourceReferences::UndefinedRead &first = undefined.first();
    const QString reader = first.step.isEmpty()
        ? QStringLiteral("resource \"%1\"").arg(m_resource->name)
        : QStringLiteral("step \"%1\" of resource \"%2\"").arg(first.step, m_resource->name);
    QStringList giving;
    for (const QString &name : std::as_const(names))
        giving.append(QStringLiteral("--var %1=VALUE").arg(name));
    QString how = QStringLiteral("give %1 with %2")
                      .arg(names.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"),
                           giving.join(QStringLiteral(" ")));
    if (names.contains(QStringLiteral("DEMO_API")) && (m_options & DemoServerOption))
        how += QStringLiteral(" (--with-demo-server runs the built-in demo API for DEMO_API)");
    if (m_export) {
        CliOutput::err(
            QStringLiteral("%1: %2 reads %3 from the workspace it was exported from, and an export "
                           "carries no workspace variables: %4")
                .arg(m_file, reader, ResourceReferences::asExpressions(names), how));
    } else {
        CliOutput::err(
            QStringLiteral("%1: %2 reads %3, which no enabled workspace variable and no step before "
                           "it defines: a run would stop there; %4, or define it in the workspace")
                .arg(m_file, reader, ResourceReferences::asExpressions(names), how));
    }
    return false;
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

// A --var no workspace variable has and the resource doesn't read is a typo (DEMO_APi): ignored, the run
// would quietly use the file's value of the name that was meant. A name the resource reads and the
// workspace lacks (a resource imported without its variables, a script's global) is what --var supplies.
bool CliWorkspace::checkVariables() const
{
    QStringList names;
    for (const KeyValue &variable : m_workspace.variables)
        names.append(variable.name); // a disabled one too: --var gives it a value for this run
    for (auto it = m_variables.constBegin(); it != m_variables.constEnd(); ++it) {
        const QString &name = it.key();
        if (names.contains(name) || readsWorkspaceName(*m_resource, name))
            continue;
        // A name the resource's own step defines (PASSWORD, TOKEN): what reads it gets the step's value,
        // which --var can't replace; say so rather than that nothing reads it (QA pass 22).
        const CustomAuth &auth = m_resource->customAuth;
        if (auth.authWorkflow.hasName(name) || auth.refreshWorkflow.hasName(name)) {
            CliOutput::err(
                QStringLiteral("--var %1: '%1' is a step of resource \"%2\", which sets it during "
                               "the run; --var gives values to workspace variables only (the "
                               "workspace's variables: %3)")
                    .arg(name, m_resource->name,
                         names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
            return false;
        }
        const QString closest = closestName(name, names + ResourceReferences::outsideNames(*m_resource));
        CliOutput::err(
            QStringLiteral("--var %1: the workspace has no variable '%1' and resource \"%2\" "
                           "doesn't read it%3 (the workspace's variables: %4)")
                .arg(name, m_resource->name,
                     closest.isEmpty() ? QString() : QStringLiteral("; did you mean %1?").arg(closest),
                     names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        return false;
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
