// BenchReport: what both benchmark programs print with: a line on stdout at once, and the statistics
// their figures are made of.
#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace BenchReport {

inline void print(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

inline double mean(const QList<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return values.isEmpty() ? 0 : sum / double(values.size());
}

} // namespace BenchReport
