// authstudio-bench: prints the engine's speed figures, each next to a baseline measured in the same run.
//   - plain-path interpolations per second (the fast path, no JavaScript)
//   - JavaScript-expression interpolations per second
//   - a 4-step workflow (Form, API Request, JavaScript, Define variable) against the demo API, as a ratio to
//     the same HTTP request sent directly with QNetworkAccessManager; runs interleaved so drift hits both.
// The demo API runs on its own thread so the client side is what is measured.
#include "demo/DemoServer.h"
#include "format/WorkspaceReader.h"
#include "net/QueryClient.h"
#include "run/PresetPrompter.h"
#include "run/WorkflowRunner.h"
#include "script/ExpressionEvaluator.h"
#include "script/ScriptEngine.h"
#include "session/MemorySecretStore.h"
#include "session/SessionManager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

#include "BenchReport.h"

using namespace AuthStudio;

namespace {

using BenchReport::mean;
using BenchReport::median;
using BenchReport::print;

Scope benchScope()
{
    Scope scope;
    scope.set(QStringLiteral("http1"),
              QJsonObject {{QStringLiteral("status"), 200},
                           {QStringLiteral("body"),
                            QJsonObject {{QStringLiteral("token"), QStringLiteral("0123456789abcdef")},
                                         {QStringLiteral("expires_in"), 3600}}}});
    scope.set(QStringLiteral("TOKEN"), QStringLiteral("0123456789abcdef"));
    return scope;
}

// Interpolations per second of one template, over at least `minimumMs` of work.
double interpolationRate(const ExpressionEvaluator &evaluator, const QString &text, const Scope &scope,
                         qint64 minimumMs)
{
    qint64 count = 0;
    QElapsedTimer clock;
    clock.start();
    qsizetype sink = 0;
    QString error;
    const QString origin = QStringLiteral("bench");
    do {
        for (int i = 0; i < 10000; ++i)
            sink += evaluator.interpolateText(text, scope, origin, &error).size();
        count += 10000;
    } while (clock.elapsed() < minimumMs);
    if (sink == 0)
        print(QStringLiteral("unexpected empty result"));
    return double(count) / (double(clock.nsecsElapsed()) / 1e9);
}

// Waits for a signal without a nested event loop of our own making: the benchmark's main loop runs the
// whole sequence as a chain of callbacks.
class WorkflowBenchmark : public QObject
{
public:
    WorkflowBenchmark(const QUrl &baseUrl, int runs)
        : m_baseUrl(baseUrl)
        , m_runs(runs)
        , m_runner(&m_network)
    {
        m_prompter.setValue(QStringLiteral("form1.email"), DemoServer::demoEmail());
        m_prompter.setValue(QStringLiteral("form1.password"), DemoServer::demoPassword());
        m_runner.setPrompter(&m_prompter);

        ApiRequestStep request;
        request.name = QStringLiteral("http1");
        request.method = QStringLiteral("POST");
        request.url = m_baseUrl.toString() + QStringLiteral("/login");
        request.body.kind = RequestBody::Kind::Json;
        request.body.text =
            QStringLiteral(R"({"email": "{{ form1.email }}", "password": "{{ form1.password }}"})");
        JavaScriptStep script;
        script.code = QStringLiteral("return { token: http1.body.token, type: http1.body.token_type };");
        DefineVariableStep token;
        token.name = QStringLiteral("TOKEN");
        token.value = QStringLiteral("{{ http1.body.token }}");
        m_workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")), request, script, token};

        connect(&m_runner, &WorkflowRunner::finished, this, [this](const RunResult &result) {
            const qint64 elapsedNs = m_clock.nsecsElapsed(); // before this benchmark's own bookkeeping
            if (!result.succeeded()) {
                print(QStringLiteral("workflow failed: ") + result.notification);
                QCoreApplication::exit(1);
                return;
            }
            if (m_iteration >= Warmup) {
                for (const StepResult &step : result.steps)
                    stepTimes[step.index].append(double(step.elapsedNs) / 1e6);
            }
            record(m_workflowTimes, elapsedNs);
        });
    }

    void start() { next(); }
    QList<double> directTimes;
    QHash<int, QList<double>> stepTimes;
    QList<double> &workflowTimes() { return m_workflowTimes; }

private:
    void record(QList<double> &times, qint64 elapsedNs)
    {
        const double ms = double(elapsedNs) / 1e6;
        if (m_iteration >= Warmup)
            times.append(ms);
        ++m_step;
        QMetaObject::invokeMethod(
            this, [this] { next(); }, Qt::QueuedConnection);
    }

    void next()
    {
        if (m_step % 2 == 0)
            ++m_iteration;
        if (m_iteration > m_runs + Warmup) {
            QCoreApplication::exit(0);
            return;
        }
        m_clock.start();
        // Alternate which goes first, so neither always gets the warmer connection.
        const bool directFirst = m_iteration % 2 == 0;
        const bool direct = (m_step % 2 == 0) == directFirst;
        if (!direct) {
            m_runner.start(m_workflow);
            return;
        }
        QNetworkRequest request(QUrl(m_baseUrl.toString() + QStringLiteral("/login")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body =
            QJsonDocument(QJsonObject {{QStringLiteral("email"), DemoServer::demoEmail()},
                                       {QStringLiteral("password"), DemoServer::demoPassword()}})
                .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_network.post(request, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200 ||
                object.value(QStringLiteral("token")).toString().isEmpty()) {
                print(QStringLiteral("direct request failed"));
                QCoreApplication::exit(1);
                return;
            }
            record(directTimes, m_clock.nsecsElapsed());
        });
    }

    static constexpr int Warmup = 30;
    QUrl m_baseUrl;
    int m_runs;
    int m_iteration = 0;
    int m_step = 0;
    QNetworkAccessManager m_network;
    PresetPrompter m_prompter;
    WorkflowRunner m_runner;
    Workflow m_workflow;
    QElapsedTimer m_clock;
    QList<double> m_workflowTimes;
};

// Login plus `count` GETs of /me with at most `concurrency` in flight: raw QNetworkAccessManager requests
// carrying the bearer header, or queries through a custom-auth resource (session look-up and header
// injection included). Exits the event loop when done; elapsedMs() is the whole time.
class QueryRun : public QObject
{
public:
    QueryRun(const QUrl &baseUrl, bool throughClient, int count, int concurrency)
        : m_baseUrl(baseUrl)
        , m_throughClient(throughClient)
        , m_count(count)
        , m_concurrency(concurrency)
        , m_sessions(std::make_unique<MemorySecretStore>())
    {
        m_prompter.setValue(QStringLiteral("form1.email"), DemoServer::demoEmail());
        m_prompter.setValue(QStringLiteral("form1.password"), DemoServer::demoPassword());
    }

    void start()
    {
        m_clock.start();
        if (m_throughClient) {
            WorkspaceReader reader;
            const auto workspace = reader.readFile(QStringLiteral(":/demo/demo-workspace.authstudio.json"));
            if (!workspace) {
                print(reader.error().toString());
                QCoreApplication::exit(1);
                return;
            }
            m_client = std::make_unique<QueryClient>(&m_network, &m_sessions, *workspace,
                                                     QStringLiteral("bench"), QStringLiteral("Demo login"));
            m_client->setVariableOverrides({{QStringLiteral("DEMO_API"), m_baseUrl.toString()}});
            m_client->setPrompter(&m_prompter);
            m_client->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
            issue();
            return;
        }
        QNetworkRequest login(QUrl(m_baseUrl.toString() + QStringLiteral("/login")));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.post(
            login,
            QJsonDocument(QJsonObject {{QStringLiteral("email"), DemoServer::demoEmail()},
                                       {QStringLiteral("password"), DemoServer::demoPassword()}})
                .toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            m_header = "Bearer " +
                QJsonDocument::fromJson(reply->readAll())
                    .object()
                    .value(QStringLiteral("token"))
                    .toString()
                    .toLatin1();
            issue();
        });
    }

    double elapsedMs() const { return m_elapsedMs; }
    int failures() const { return m_failures; }

private:
    void issue()
    {
        while (m_inFlight < m_concurrency && m_issued < m_count) {
            ++m_issued;
            ++m_inFlight;
            if (m_throughClient) {
                Query query;
                query.path = QStringLiteral("/me");
                PendingQuery *pending = m_client->send(query);
                connect(pending, &PendingQuery::finished, this, [this, pending](const QueryResult &result) {
                    pending->deleteLater();
                    done(result.succeeded);
                });
            } else {
                QNetworkRequest request(QUrl(m_baseUrl.toString() + QStringLiteral("/me")));
                request.setRawHeader("Authorization", m_header);
                QNetworkReply *reply = m_network.get(request);
                connect(reply, &QNetworkReply::finished, this, [this, reply] {
                    reply->deleteLater();
                    reply->readAll();
                    done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
                });
            }
        }
    }

    void done(bool succeeded)
    {
        --m_inFlight;
        m_failures += succeeded ? 0 : 1;
        if (++m_finished == m_count) {
            m_elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
            QCoreApplication::exit(0);
            return;
        }
        issue();
    }

    QUrl m_baseUrl;
    bool m_throughClient;
    int m_count;
    int m_concurrency;
    int m_issued = 0;
    int m_inFlight = 0;
    int m_finished = 0;
    int m_failures = 0;
    double m_elapsedMs = 0;
    QByteArray m_header;
    QElapsedTimer m_clock;
    QNetworkAccessManager m_network;
    SessionManager m_sessions;
    PresetPrompter m_prompter;
    std::unique_ptr<QueryClient> m_client;
};

// Medians over interleaved rounds of the raw and the client run.
std::pair<double, double> compareQueries(const QUrl &baseUrl, int count, int concurrency, int rounds)
{
    QList<double> raw;
    QList<double> client;
    for (int round = 0; round < rounds; ++round) {
        for (bool throughClient : {round % 2 == 0, round % 2 != 0}) {
            QueryRun run(baseUrl, throughClient, count, concurrency);
            run.start();
            QCoreApplication::exec();
            if (run.failures())
                print(QStringLiteral("  warning: %1 queries failed").arg(run.failures()));
            (throughClient ? client : raw).append(run.elapsedMs());
        }
    }
    return {median(raw), median(client)};
}

// Peak resident memory (MiB) of `authstudio-cli query --repeat N` against the demo API, from wait4().
double cliPeakMiB(const QUrl &baseUrl, int repeat)
{
    const QList<QByteArray> arguments {QByteArrayLiteral(AUTHSTUDIO_CLI_PATH),
                                       "query",
                                       AUTHSTUDIO_SOURCE_DIR "/resources/demo/demo-workspace.authstudio.json",
                                       "--resource",
                                       "Demo login",
                                       "--session-store",
                                       "memory",
                                       "--var",
                                       "DEMO_API=" + baseUrl.toString().toLatin1(),
                                       "--input",
                                       "form1.email=" + DemoServer::demoEmail().toLatin1(),
                                       "--input",
                                       "form1.password=" + DemoServer::demoPassword().toLatin1(),
                                       "--path",
                                       "/me",
                                       "--repeat",
                                       QByteArray::number(repeat)};
    std::vector<char *> argv;
    for (const QByteArray &argument : arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), environ) != 0)
        return -1;
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

void compareQueriesAndMemory(const QUrl &baseUrl);

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    // `authstudio-bench N --workflow-only` runs just the workflow comparison, for profiling it.
    const bool workflowOnly = argc > 2 && qstrcmp(argv[2], "--workflow-only") == 0;

    print(QStringLiteral("Auth Studio benchmark (Qt %1, %2 build)")
              .arg(QString::fromLatin1(qVersion()),
#ifdef NDEBUG
                   QStringLiteral("optimised")
#else
                   QStringLiteral("debug")
#endif
                       ));
    print(QString());

    const Scope scope = benchScope();
    const ExpressionEvaluator fastOnly(nullptr);
    ScriptEngine engine;
    const ExpressionEvaluator withJs(&engine);
    const double plainSingle =
        workflowOnly ? 1 : interpolationRate(fastOnly, QStringLiteral("{{ http1.body.token }}"), scope, 1000);
    const double plainHeader =
        workflowOnly ? 1 : interpolationRate(fastOnly, QStringLiteral("Bearer {{ TOKEN }}"), scope, 1000);
    const double js = workflowOnly
        ? 1
        : interpolationRate(withJs, QStringLiteral("Bearer {{ TOKEN.toUpperCase() }}"), scope, 1000);
    print(QStringLiteral("Interpolation (one thread)"));
    print(QStringLiteral("  plain path  '{{ http1.body.token }}'        %1 M/s   (target >= 1 M/s)")
              .arg(plainSingle / 1e6, 0, 'f', 2));
    print(QStringLiteral("  plain path  'Bearer {{ TOKEN }}'            %1 M/s")
              .arg(plainHeader / 1e6, 0, 'f', 2));
    print(QStringLiteral(
              "  JavaScript  'Bearer {{ TOKEN.toUpperCase() }}' %1 k/s   (%2x slower than the plain path)")
              .arg(js / 1e3, 0, 'f', 1)
              .arg(plainHeader / js, 0, 'f', 0));
    print(QString());

    // The demo API on its own thread.
    QThread serverThread;
    serverThread.start();
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    DemoServer *server = nullptr;
    QMetaObject::invokeMethod(
        &serverContext,
        [&server] {
            server = new DemoServer; // deleted on its thread below
            server->listen();
        },
        Qt::BlockingQueuedConnection);
    const QUrl baseUrl = server->baseUrl();

    WorkflowBenchmark benchmark(baseUrl, runs);
    benchmark.start();
    const int code = QCoreApplication::exec();
    if (code != 0)
        return code;

    const double directMedian = median(benchmark.directTimes);
    const double workflowMedian = median(benchmark.workflowTimes());
    const double directMean = mean(benchmark.directTimes);
    const double workflowMean = mean(benchmark.workflowTimes());
    print(QStringLiteral("4-step workflow vs the same request sent directly (POST /login on loopback, %1 "
                         "runs each, interleaved)")
              .arg(runs));
    print(QStringLiteral("  direct QNetworkAccessManager   median %1 ms   mean %2 ms")
              .arg(directMedian, 0, 'f', 3)
              .arg(directMean, 0, 'f', 3));
    print(QStringLiteral("  workflow (Form, API Request,   median %1 ms   mean %2 ms")
              .arg(workflowMedian, 0, 'f', 3)
              .arg(workflowMean, 0, 'f', 3));
    print(QStringLiteral("    JavaScript, Define variable)"));
    QStringList perStep;
    for (int i = 0; i < 4; ++i)
        perStep.append(QString::number(median(benchmark.stepTimes.value(i)), 'f', 3));
    print(QStringLiteral("    median per step (ms): %1").arg(perStep.join(QStringLiteral(" / "))));
    print(QStringLiteral("  runner overhead ratio          median %1x   mean %2x   (target <= 1.15x)")
              .arg(workflowMedian / directMedian, 0, 'f', 3)
              .arg(workflowMean / directMean, 0, 'f', 3));
    print(QString());
    if (!workflowOnly)
        compareQueriesAndMemory(baseUrl);

    QMetaObject::invokeMethod(
        &serverContext, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}

namespace {

void compareQueriesAndMemory(const QUrl &baseUrl)
{
    // The server thread answers both sides; rounds alternate which side goes first.
    const int queries = 1000;
    const auto [rawSequential, clientSequential] = compareQueries(baseUrl, queries, 1, 5);
    print(QStringLiteral(
              "Login + %1 sequential GET /me with Authorization: Bearer (median of 5 interleaved rounds)")
              .arg(queries));
    print(QStringLiteral("  raw QNetworkAccessManager      %1 ms").arg(rawSequential, 0, 'f', 1));
    print(QStringLiteral("  through the custom-auth resource %1 ms   ratio %2x   (target <= 1.2x)")
              .arg(clientSequential, 0, 'f', 1)
              .arg(clientSequential / rawSequential, 0, 'f', 3));
    const auto [rawConcurrent, clientConcurrent] = compareQueries(baseUrl, queries, 50, 5);
    print(QStringLiteral("Login + %1 GET /me, 50 in flight").arg(queries));
    print(QStringLiteral("  raw QNetworkAccessManager      %1 ms").arg(rawConcurrent, 0, 'f', 1));
    print(QStringLiteral("  through the custom-auth resource %1 ms   ratio %2x")
              .arg(clientConcurrent, 0, 'f', 1)
              .arg(clientConcurrent / rawConcurrent, 0, 'f', 3));
    print(QString());

    const double peak1k = cliPeakMiB(baseUrl, 1000);
    const double peak10k = cliPeakMiB(baseUrl, 10000);
    print(QStringLiteral("Peak memory of authstudio-cli query (max RSS from wait4)"));
    print(QStringLiteral("  --repeat 1000    %1 MiB").arg(peak1k, 0, 'f', 1));
    print(QStringLiteral("  --repeat 10000   %1 MiB   (target < 40 MiB, not growing with the count)")
              .arg(peak10k, 0, 'f', 1));
}

} // namespace
