package org.debentures.compliance.job.results;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.debentures.compliance.job.ComplianceJobConfiguration;
import org.debentures.compliance.job.DealBookProvider;
import org.debentures.compliance.rules.SymbolResults;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.findings.ExceptionLifecycle;
import org.debentures.compliance.store.WriteBatch;
import org.debentures.compliance.store.intake.IntakeFacts;
import org.debentures.compliance.store.output.OutputTables;
import org.debentures.compliance.store.output.ResultGenerations;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.NeverSkipItemSkipPolicy;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * The results steps, in order: {@code beginResults} (the run generation), {@code computeResults}
 * (a partitioned step: {@link ResultsPartitioner} splits the symbols, each partition runs
 * {@code computeResultsWorker}, a chunk step of symbols through {@link SymbolDealsProcessor} (the
 * business steps) to {@link SymbolResultsWriter}, on local threads of a
 * {@code TaskExecutorPartitionHandler}), {@code publishResults} and {@code pruneResults}. No rule
 * lives here.
 *
 * <p>Settings: {@code compliance.results.partitions} (default: twice the processors),
 * {@code compliance.results.threads} (partitions run at once; default: the processors on MySQL and
 * MariaDB, 1 on the embedded H2 database, whose file store was seen to lose an index row when killed
 * while two transactions wrote), {@code compliance.results.symbols-per-chunk} (default: by the
 * range's length, see {@link PartitionSymbolsReader#groupSize}).
 */
@Configuration
public class ResultsStepsConfiguration {

    /** Times a chunk's writes are sent again after the database chose them to break a deadlock. */
    static final int DEADLOCK_RETRIES = 3;

    @Bean
    public Step beginResults(JobRepository jobs, PlatformTransactionManager tx, JdbcTemplate jdbc) {
        return new StepBuilder("beginResults", jobs).tasklet(ResultGenerationTasklets.begin(jdbc), tx)
                .allowStartIfComplete(true).build();
    }

    /**
     * The partitioned results step: on local threads ({@code compliance.partitioning=local}, the default), or sent to
     * worker processes over RabbitMQ ({@code remote}: {@link RemotePartitioning}'s handler). The partitions are the
     * same either way.
     */
    @Bean
    public Step computeResults(JobRepository jobs, Step computeResultsWorker, ResultsPartitioner resultsPartitioner,
                               ThreadPoolTaskExecutor resultsExecutor,
                               @Value("${compliance.results.partitions:0}") int partitions,
                               org.springframework.beans.factory.ObjectProvider<org.springframework.batch.core.partition.PartitionHandler>
                                       remotePartitionHandler) {
        var remote = remotePartitionHandler.getIfAvailable();
        if (remote != null) {
            return new StepBuilder("computeResults", jobs)
                    .partitioner("computeResultsWorker", resultsPartitioner)
                    .partitionHandler(remote)
                    .build();
        }
        return new StepBuilder("computeResults", jobs)
                .partitioner("computeResultsWorker", resultsPartitioner)
                .step(computeResultsWorker)
                .gridSize(gridSize(partitions))
                .taskExecutor(resultsExecutor)
                .build();
    }

    /** {@code compliance.results.partitions}, or twice the processors when not set. */
    static int gridSize(int partitions) {
        return partitions > 0 ? partitions : 2 * Runtime.getRuntime().availableProcessors();
    }

    @Bean
    public ThreadPoolTaskExecutor resultsExecutor(JdbcTemplate jdbc, @Value("${compliance.results.threads:0}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int n = threads > 0 ? threads : ComplianceJobConfiguration.embeddedH2(jdbc) ? 1 : Runtime.getRuntime().availableProcessors();
        executor.setCorePoolSize(n);
        executor.setMaxPoolSize(n);
        executor.setThreadNamePrefix("results-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    @StepScope
    public ResultsPartitioner resultsPartitioner(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                 @Value("#{jobExecutionContext['results.generation']}") Long generation,
                                                 DealBookProvider deals) {
        return new ResultsPartitioner(deals.dealBook(Path.of(dataDir)), generation);
    }

    @Bean
    public Step computeResultsWorker(JobRepository jobs, PlatformTransactionManager tx, PartitionSymbolsReader partitionSymbols,
                                     SymbolDealsProcessor symbolProcessor, SymbolResultsWriter symbolWriter,
                                     ResultsPartitionListener partitionListener, DealBookProvider deals) {
        // read committed: a partition's replacements take no gap locks that another partition's inserts would wait on
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        // one group of symbols a chunk (PartitionSymbolsReader sizes the groups)
        return new StepBuilder("computeResultsWorker", jobs).<List<String>, List<SymbolResults>>chunk(1)
                .transactionManager(tx)
                .transactionAttribute(readCommitted)
                .reader(partitionSymbols)
                .processor(symbolProcessor::processGroup)
                .writer(symbolWriter::writeGroups)
                // two partitions' replacements can deadlock in InnoDB (seen with large groups, when
                // the server scans a table instead of its key index); the server then rolls back
                // the loser's whole transaction, and the chunk's writes are sent again (a new
                // WriteBatch each time, so nothing of the first attempt is assumed written). Only a
                // deadlock: a lock wait timeout rolls back one statement, and fails the partition.
                // Nothing is skipped.
                .faultTolerant()
                .retryPolicy(RetryPolicy.builder().maxRetries(DEADLOCK_RETRIES).delay(Duration.ofMillis(100))
                        .predicate(ResultsStepsConfiguration::deadlock).build())
                .skipPolicy(new NeverSkipItemSkipPolicy())
                // first: a partition whose context a lost database emptied gets its symbols back before any bean reads them
                .listener(new PartitionContextRepair(deals::dealBook, "computeResults"))
                .listener(partitionListener)
                .build();
    }

    /**
     * A MySQL or MariaDB deadlock (error 1213), after which the server has rolled back the whole
     * transaction: the chunk's writes can be sent again in full.
     */
    static boolean deadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == MYSQL_DEADLOCK) {
                return true;
            }
        }
        return false;
    }

    private static final int MYSQL_DEADLOCK = 1213;

    @Bean
    @StepScope
    public PartitionSymbolsReader partitionSymbols(@Value("#{stepExecutionContext['results.symbols']}") String symbols,
                                                   @Value("#{jobParameters['from']}") LocalDate from,
                                                   @Value("#{jobParameters['to']}") LocalDate to,
                                                   @Value("${compliance.results.symbols-per-chunk:0}") int symbolsPerChunk) {
        return new PartitionSymbolsReader(ResultsPartitioner.symbols(symbols),
                PartitionSymbolsReader.groupSize(symbolsPerChunk, from, to));
    }

    /**
     * What the partitions of a run share, read once for all of them: the staged inputs as the
     * results step reads them (the filings log and the range's corrections), the published exception
     * runs, and which output tables hold no row of an earlier generation. None of these changes while
     * the run writes (its own rows are invisible, and excluded). Not a job-scoped bean: the job scope
     * is not active on the partitions' threads.
     */
    public static final class RunFacts implements SymbolResultsWriter.RunShared {
        private long runId = Long.MIN_VALUE;
        private IntakeFacts facts;
        private Map<String, List<ExceptionLifecycle.StoredRun>> publishedRuns;
        private Set<String> nothingOlder;

        private void forRun(long jobExecutionId) {
            if (runId != jobExecutionId) {
                runId = jobExecutionId;
                facts = null;
                publishedRuns = null;
                nothingOlder = null;
            }
        }

        synchronized IntakeFacts of(long jobExecutionId, JdbcTemplate jdbc) {
            forRun(jobExecutionId);
            if (facts == null) {
                facts = new IntakeFacts(jdbc);
            }
            return facts;
        }

        @Override
        public synchronized Map<String, List<ExceptionLifecycle.StoredRun>> publishedRuns(long jobExecutionId,
                                                                                      JdbcTemplate jdbc) {
            forRun(jobExecutionId);
            if (publishedRuns == null) {
                publishedRuns = OutputTables.publishedRuns(jdbc);
            }
            return publishedRuns;
        }

        /**
         * The tables with no row of an earlier generation, and, when no earlier generation's range
         * overlaps the run's (a nightly run), the tables whose replacements all lie in the range.
         */
        @Override
        public synchronized Set<String> nothingOlder(long jobExecutionId, JdbcTemplate jdbc, long generation,
                                                     LocalDate from, LocalDate to) {
            forRun(jobExecutionId);
            if (nothingOlder == null) {
                Set<String> tables = new java.util.TreeSet<>(
                        WriteBatch.nothingOlder(jdbc, generation, List.copyOf(ResultGenerations.TABLE_KEYS.keySet())));
                if (new ResultGenerations(jdbc).rangeIsNew(generation, from, to)) {
                    tables.addAll(ResultGenerations.RANGED_TABLES.keySet());
                }
                nothingOlder = Set.copyOf(tables);
            }
            return nothingOlder;
        }
    }

    @Bean
    public RunFacts runFacts() {
        return new RunFacts();
    }

    @Bean
    @StepScope
    public SymbolDealsProcessor symbolProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                @Value("#{jobParameters['from']}") LocalDate from,
                                                @Value("#{jobParameters['to']}") LocalDate to,
                                                @Value("#{jobParameters['deadline.horizon.days'] ?: 30}") Long horizonDays,
                                                @Value("#{stepExecution.jobExecutionId}") Long runId,
                                                RunFacts runFacts, JdbcTemplate jdbc, DealBookProvider deals) {
        return new SymbolDealsProcessor(runFacts.of(runId, jdbc), deals.dealBook(Path.of(dataDir)), from, to, horizonDays.intValue());
    }

    @Bean
    @StepScope
    public SymbolResultsWriter symbolWriter(@Value("#{stepExecutionContext['results.generation']}") Long generation,
                                            @Value("#{jobParameters['from']}") LocalDate from,
                                            @Value("#{jobParameters['to']}") LocalDate to,
                                            @Value("#{stepExecution.jobExecutionId}") Long runId, JdbcTemplate jdbc,
                                            RunFacts runFacts) {
        return new SymbolResultsWriter(jdbc, generation, from, to, runId, runFacts);
    }

    @Bean
    public ResultsPartitionListener.RunProgress resultsProgress() {
        return new ResultsPartitionListener.RunProgress();
    }

    @Bean
    @StepScope
    public ResultsPartitionListener partitionListener(@Value("#{stepExecutionContext['results.symbols']}") String symbols,
                                                      @Value("#{jobParameters['data.dir']}") String dataDir,
                                                      SymbolDealsProcessor symbolProcessor, SymbolResultsWriter symbolWriter,
                                                      PartitionSymbolsReader partitionSymbols,
                                                      ResultsPartitionListener.RunProgress resultsProgress,
                                                      DealBookProvider deals) {
        DealBook book = deals.dealBook(Path.of(dataDir));
        return new ResultsPartitionListener(symbolProcessor, symbolWriter, ResultsPartitioner.symbols(symbols).size(),
                book.symbols().size(), partitionSymbols.groupSize(), resultsProgress);
    }

    @Bean
    public Step publishResults(JobRepository jobs, PlatformTransactionManager tx, JdbcTemplate jdbc) {
        return new StepBuilder("publishResults", jobs).tasklet(ResultGenerationTasklets.publish(jdbc), tx).build();
    }

    @Bean
    public Step pruneResults(JobRepository jobs, PlatformTransactionManager tx, JdbcTemplate jdbc) {
        return new StepBuilder("pruneResults", jobs).tasklet(ResultGenerationTasklets.prune(jdbc), tx).build();
    }
}
