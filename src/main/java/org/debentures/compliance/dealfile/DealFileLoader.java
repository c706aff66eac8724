package org.debentures.compliance.dealfile;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.debentures.compliance.terms.AllowedDelayLimits;
import org.debentures.compliance.terms.CovenantTerms;
import org.debentures.compliance.terms.CoverageCure;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.EventOfDefaultTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.InterestTerms;
import org.debentures.compliance.terms.MajorAnnouncementTerms;
import org.debentures.compliance.terms.MandatoryConversionForm;
import org.debentures.compliance.terms.MandatoryConversionTerms;
import org.debentures.compliance.terms.PenaltyPeriodCounting;
import org.debentures.compliance.terms.RedemptionConversionPrice;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.terms.RegistrationCoverage;
import org.debentures.compliance.terms.Switches;
import org.debentures.compliance.terms.VwapTestReading;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads and validates every {@code deals/*.yml} of a data directory, in exactly the format of
 * the shared {@code deal-file.yml}: every version-1 key is required, unknown keys are refused, dates
 * are strict ISO dates, amounts are plain decimals. Any problem stops the run before any work, with
 * one line per problem naming the file, the key and what is wrong ({@link DealFileException}).
 *
 * <p>The version-2 keys (SPEC "What changed in version 2", §12-§16: marked "v2, optional" in
 * {@code deal-file.yml}, the {@code covenants} section, the instrument keys of §12, §13, §15, §16 and
 * the agreement's {@code registration-coverage}) are optional: a version-1 deal file loads to the same
 * terms as before, with the SPEC defaults for them. A v2 key that is there is checked like any other:
 * its type and range, and the instruments and agreements it names must be of the same deal file.
 *
 * <p>Switches given on the command line ({@code --switches.NAME=VALUE}) override every deal's.
 */
public final class DealFileLoader {

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TEN = BigDecimal.TEN;

    /** Loads every deal file under {@code dataDir/deals}, applying the command-line switch overrides. */
    public DealBook load(Path dataDir, Map<String, String> switchOverrides) {
        Path dealsDir = dataDir.resolve("deals");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dealsDir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml")
                    || p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new DealFileException(List.of(dealsDir + ": cannot list deal files (" + e.getMessage() + ")"));
        }
        if (files.isEmpty()) {
            throw new DealFileException(List.of(dealsDir + ": no deal files (*.yml)"));
        }
        // each file is read on its own (a portfolio has hundreds); problems are listed in file order
        record Loaded(DealTerms deal, List<String> problems) {
        }
        List<Loaded> loaded = files.parallelStream().map(file -> {
            List<String> own = new ArrayList<>();
            DealTerms deal = loadOne(file, dataDir.relativize(file).toString(), own);
            return new Loaded(deal, own);
        }).toList();
        List<String> problems = new ArrayList<>();
        List<DealTerms> deals = new ArrayList<>();
        for (Loaded one : loaded) {
            problems.addAll(one.problems());
            if (one.deal() != null) {
                deals.add(one.deal());
            }
        }
        if (problems.isEmpty()) {
            deals = applyOverrides(deals, switchOverrides, problems);
        }
        if (problems.isEmpty()) {
            checkAcrossDeals(deals, problems);
        }
        if (!problems.isEmpty()) {
            throw new DealFileException(problems);
        }
        return new DealBook(deals);
    }

    /** Reads one deal file; {@code null} (with problems recorded) when it cannot be used. */
    DealTerms loadOne(Path file, String name, List<String> problems) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = yaml().load(reader);
        } catch (MarkedYAMLException e) {
            problems.add(name + ": YAML syntax error at line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem());
            return null;
        } catch (YAMLException | IOException e) {
            problems.add(name + ": cannot be read: " + e.getMessage());
            return null;
        }
        if (!(document instanceof Map<?, ?> root)) {
            problems.add(name + ": is not a mapping of deal keys (see deal-file.yml)");
            return null;
        }
        int before = problems.size();
        DealTerms deal = parse(new Section(name, "", root, problems));
        return problems.size() == before ? deal : null;
    }

    private DealTerms parse(Section root) {
        String id = root.text("id");
        String issuer = root.text("issuer");
        String symbol = root.text("symbol");
        var closingDate = root.date("closing-date");

        Switches switches = switches(root.section("switches"));
        BigDecimal consentShare = root.optionalDecimal("amendment-consent-share", ZERO, true, ONE,
                DealTerms.DEFAULT_AMENDMENT_CONSENT_SHARE);

        Section interest = root.section("interest");
        int dayCountBasis = interest.integer("day-count-basis", 1);
        var paymentDates = interest.monthDays("scheduled-payment-dates");
        interest.finish();

        Section marketPrice = root.section("market-price");
        int tradingDays = marketPrice.integer("trading-days", 1);
        marketPrice.finish();

        Section conversion = root.section("conversion");
        int deliveryDays = conversion.integer("delivery-business-days", 1);
        conversion.finish();

        Section defaultInterest = root.section("default-interest");
        int defaultInterestDays = defaultInterest.integer("payment-business-days-after-month-end", 1);
        defaultInterest.finish();

        Section eod = root.section("event-of-default");
        int effectivenessDays = eod.integer("effectiveness-deadline-days", 1);
        int graceDays = eod.integer("interest-grace-business-days", 1);
        BigDecimal premium = eod.decimal("redemption-premium", ONE, false, null);
        int noticeDays = eod.optionalInteger("redemption-notice-business-days", 0,
                EventOfDefaultTerms.DEFAULT_REDEMPTION_NOTICE_BUSINESS_DAYS);
        int changeOfControlDays = eod.optionalInteger("change-of-control-notice-business-days", 0,
                EventOfDefaultTerms.DEFAULT_CHANGE_OF_CONTROL_NOTICE_BUSINESS_DAYS);
        int redemptionDateDays = eod.optionalInteger("redemption-date-business-days", 0,
                EventOfDefaultTerms.DEFAULT_REDEMPTION_DATE_BUSINESS_DAYS);
        int redemptionPaymentDays = eod.optionalInteger("redemption-payment-business-days", 0,
                EventOfDefaultTerms.DEFAULT_REDEMPTION_PAYMENT_BUSINESS_DAYS);
        eod.finish();

        Section mc = root.section("mandatory-conversion");
        BigDecimal multiple = mc.decimal("multiple", ZERO, true, null);
        int window = mc.integer("window-trading-days", 1);
        int required = mc.integer("required-trading-days", 1);
        int observationMonths = mc.integer("observation-months", 0);
        int minMonths = mc.integer("min-months", 0);
        int maxHalt = mc.integer("max-halt-business-days", 0);
        int noticeTradingDays = mc.optionalInteger("notice-trading-days", 1,
                MandatoryConversionTerms.DEFAULT_NOTICE_TRADING_DAYS);
        if (required > window) {
            mc.problem("required-trading-days", required + " is more than window-trading-days " + window);
        }
        mc.finish();

        MajorAnnouncementTerms majorAnnouncement = MajorAnnouncementTerms.DEFAULT;
        if (root.has("major-announcement")) {
            Section ma = root.section("major-announcement");
            int windowDays = ma.optionalInteger("window-business-days", 0, MajorAnnouncementTerms.DEFAULT.windowBusinessDays());
            int bidDays = ma.optionalInteger("bid-trading-days", 1, MajorAnnouncementTerms.DEFAULT.bidTradingDays());
            ma.finish();
            majorAnnouncement = ma.build(() -> new MajorAnnouncementTerms(windowDays, bidDays));
        }
        int distributionNoticeDays = root.optionalInteger("distribution-notice-business-days", 0,
                DealTerms.DEFAULT_DISTRIBUTION_NOTICE_BUSINESS_DAYS);
        CovenantTerms covenants = root.has("covenants") ? CovenantsReader.read(root.section("covenants"))
                : CovenantTerms.NONE;

        List<RegistrationAgreement> agreements = new ArrayList<>();
        Map<String, Integer> agreementIndex = new HashMap<>();
        for (Section a : root.sections("registration-agreements")) {
            RegistrationAgreement agreement = agreement(a);
            if (agreement != null) {
                if (agreementIndex.putIfAbsent(agreement.id(), agreements.size()) != null) {
                    a.problem("id", "agreement id '" + agreement.id() + "' is used twice");
                }
                agreements.add(agreement);
            }
        }

        List<Instrument> instruments = new ArrayList<>();
        Map<String, Boolean> instrumentIds = new HashMap<>();
        List<Section> instrumentSections = root.sections("instruments");
        List<String> namedInstruments = new ArrayList<>();
        instrumentSections.forEach(i -> {
            if (i.peek("id") != null) {
                namedInstruments.add(i.peek("id"));
            }
        });
        for (Section i : instrumentSections) {
            Instrument instrument = instrument(i, agreementIndex, namedInstruments);
            if (instrument != null) {
                if (instrumentIds.putIfAbsent(instrument.id(), true) != null) {
                    i.problem("id", "instrument id '" + instrument.id() + "' is used twice");
                }
                instruments.add(instrument);
            }
        }
        root.finish();

        EventOfDefaultTerms eventOfDefault = root.build(() -> new EventOfDefaultTerms(effectivenessDays, graceDays,
                premium, noticeDays, changeOfControlDays, redemptionDateDays, redemptionPaymentDays));
        MandatoryConversionTerms mandatoryConversion = root.build(() -> new MandatoryConversionTerms(multiple, window,
                required, observationMonths, minMonths, maxHalt, noticeTradingDays));
        MajorAnnouncementTerms announcement = majorAnnouncement;
        // null parts: the problems that made a value missing are already recorded
        return root.build(() -> new DealTerms(id, issuer, symbol, closingDate, switches,
                new InterestTerms(dayCountBasis, paymentDates), tradingDays, deliveryDays, defaultInterestDays,
                eventOfDefault, mandatoryConversion, instruments, agreements, consentShare, announcement,
                distributionNoticeDays, covenants));
    }

    /** The switches of a {@code switches} mapping; {@code null} (problems recorded) when one is wrong. */
    private static Switches switches(Section s) {
        DeadlineConvention deadlineConvention = s.choice(Switches.DEADLINE_CONVENTION, DeadlineConvention.class);
        boolean pricesSplitAdjusted = s.bool(Switches.PRICES_SPLIT_ADJUSTED);
        VwapTestReading vwapTestReading = s.choice(Switches.VWAP_TEST_READING, VwapTestReading.class);
        CoverageCure coverageCure = s.choice(Switches.COVERAGE_CURE, CoverageCure.class);
        PenaltyPeriodCounting counting = s.choice(Switches.PENALTY_PERIOD_COUNTING, PenaltyPeriodCounting.class);
        boolean compound = s.bool(Switches.COMPOUND_UNPAID_INTEREST);
        RedemptionConversionPrice redemptionPrice = s.optionalChoice(Switches.REDEMPTION_CONVERSION_PRICE,
                RedemptionConversionPrice.class, RedemptionConversionPrice.REDEMPTION_DATE);
        s.finish();
        // a missing or wrong switch: already recorded as a problem
        return s.build(() -> new Switches(deadlineConvention, pricesSplitAdjusted, vwapTestReading, coverageCure,
                counting, compound, redemptionPrice));
    }

    private RegistrationAgreement agreement(Section a) {
        String id = a.text("id");
        String description = a.text("description");
        int filingDays = a.integer("filing-deadline-days", 0);
        int registrationDays = a.integer("registration-deadline-days", 0);
        BigDecimal firstRate = a.nullableDecimal("first-period-rate", ZERO, false, ONE);
        BigDecimal laterRate = a.nullableDecimal("later-period-rate", ZERO, false, ONE);
        int periodDays = a.integer("period-days", 1);
        Section delay = a.section("allowed-delay");
        AllowedDelayLimits limits = new AllowedDelayLimits(delay.integer("max-consecutive-business-days", 1),
                delay.integer("max-days-per-window", 0), delay.integer("window-months", 1));
        delay.finish();
        int cureDays = a.integer("coverage-cure-days", 0);
        boolean penaltyEnabled = a.bool("penalty-enabled");
        if (penaltyEnabled && firstRate == null) {
            a.problem("first-period-rate", "must be set when penalty-enabled is true");
        }
        if (penaltyEnabled && laterRate == null) {
            a.problem("later-period-rate", "must be set when penalty-enabled is true");
        }
        RegistrationCoverage coverage = a.has("registration-coverage") ? coverage(a.section("registration-coverage")) : null;
        a.finish();
        return a.build(() -> new RegistrationAgreement(id, description, filingDays, registrationDays, firstRate,
                laterRate, periodDays, limits, cureDays, penaltyEnabled, coverage));
    }

    /**
     * RRA 2(a), 4(k) (SPEC §16): {@code {filing, maintain, cure}}, each a multiple of the required
     * shares from 1 (100%) to 10 (a percentage written as 150 instead of 1.50 is refused).
     */
    private static RegistrationCoverage coverage(Section c) {
        BigDecimal filing = c.decimal("filing", ONE, false, TEN);
        BigDecimal maintain = c.decimal("maintain", ONE, false, TEN);
        BigDecimal cure = c.decimal("cure", ONE, false, TEN);
        c.finish();
        return c.build(() -> new RegistrationCoverage(filing, maintain, cure));
    }

    /**
     * @param dealInstruments the ids of the deal file's instruments, for the v2 keys that name others
     */
    private Instrument instrument(Section i, Map<String, Integer> agreementIndex, List<String> dealInstruments) {
        String id = i.text("id");
        String holder = i.text("holder");
        BigDecimal principal = i.decimal("principal", ZERO, true, null);
        var issueDate = i.date("issue-date");
        var maturityDate = i.date("maturity-date");
        BigDecimal conversionPrice = i.decimal("conversion-price", ZERO, true, null);
        BigDecimal interestRate = i.decimal("interest-rate", ZERO, false, ONE);
        BigDecimal defaultRate = i.decimal("default-interest-rate", ZERO, false, ONE);
        BigDecimal cap = i.decimal("ownership-cap", ZERO, true, ONE);
        String agreement = i.text("registration-agreement");
        if (agreement != null && !agreementIndex.containsKey(agreement)) {
            i.problem("registration-agreement", "'" + agreement + "' is not a registration agreement of this deal file"
                    + " (known: " + agreementIndex.keySet().stream().sorted().toList() + ")");
        }
        if (issueDate != null && maturityDate != null && !maturityDate.isAfter(issueDate)) {
            i.problem("maturity-date", maturityDate + " is not after issue-date " + issueDate);
        }
        // v2 keys (SPEC §12-§16), each optional with its default
        String group = i.has("amendment-group") ? i.text("amendment-group") : id;
        List<String> crossDefault = i.has("cross-default") ? i.ids("cross-default", true) : List.of();
        named(i, "cross-default", crossDefault, id, dealInstruments, "an instrument");
        Long warrantShares = i.has("warrant-shares") ? i.count("warrant-shares", 0) : null;
        BigDecimal warrantPrice = i.optionalDecimal("warrant-exercise-price", ZERO, true, null, null);
        BigDecimal strategicCap = i.optionalDecimal("strategic-issuance-cap", ZERO, true, ONE, null);
        List<String> defaultAgreements = agreement == null ? List.of() : List.of(agreement);
        if (i.has("registration-default-agreements")) {
            defaultAgreements = i.ids("registration-default-agreements", false);
            named(i, "registration-default-agreements", defaultAgreements, null, agreementIndex.keySet(),
                    "a registration agreement");
            if (agreement != null && !defaultAgreements.isEmpty() && !defaultAgreements.contains(agreement)) {
                i.problem("registration-default-agreements", "must list the instrument's own registration-agreement "
                        + agreement + " (its 6(d)(iii) always covers it)");
            }
        }
        MandatoryConversionForm form = i.optionalChoice("mandatory-conversion-form", MandatoryConversionForm.class,
                MandatoryConversionForm.JOINT_INVESTOR);
        List<String> requires = List.of();
        if (i.has("mandatory-conversion-requires")) {
            requires = i.ids("mandatory-conversion-requires", false);
            named(i, "mandatory-conversion-requires", requires, id, dealInstruments, "an instrument");
            if (form == MandatoryConversionForm.JOINT_INVESTOR) {
                i.problem("mandatory-conversion-requires", "applies only with mandatory-conversion-form: INFINEON"
                        + " (the JOINT_INVESTOR conditions of SPEC §5 name no other instrument)");
            }
        }
        i.finish();
        List<String> registrationDefaultAgreements = defaultAgreements;
        List<String> mandatoryConversionRequires = requires;
        return i.build(() -> new Instrument(id, holder, principal, issueDate, maturityDate, conversionPrice, interestRate,
                defaultRate, cap, agreement, group, crossDefault, warrantShares, warrantPrice, strategicCap,
                registrationDefaultAgreements, form, mandatoryConversionRequires));
    }

    /**
     * The ids an instrument key names must be of the same deal file ({@code known}, each {@code kind})
     * and, when {@code self} is given, other than the instrument itself.
     */
    private static void named(Section i, String key, List<String> ids, String self, java.util.Collection<String> known,
                              String kind) {
        for (int n = 0; n < ids.size(); n++) {
            String other = ids.get(n);
            if (other.equals(self)) {
                i.itemProblem(key, n, "'" + other + "' is the instrument itself");
            } else if (!known.contains(other)) {
                i.itemProblem(key, n, "'" + other + "' is not " + kind + " of this deal file (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private List<DealTerms> applyOverrides(List<DealTerms> deals, Map<String, String> overrides, List<String> problems) {
        if (overrides.isEmpty()) {
            return deals;
        }
        Map<String, Object> switches = new LinkedHashMap<>(overrides);
        List<DealTerms> result = new ArrayList<>();
        for (DealTerms deal : deals) {
            Map<String, Object> merged = new LinkedHashMap<>(deal.switches().settings());
            merged.putAll(switches);
            Switches changed = switches(new Section("command line", "switches", merged, problems));
            if (changed == null) {
                return deals;
            }
            result.add(deal.withSwitches(changed));
        }
        return result;
    }

    private void checkAcrossDeals(List<DealTerms> deals, List<String> problems) {
        Map<String, String> owners = new HashMap<>();
        Map<String, DealTerms> symbolRules = new HashMap<>();
        for (DealTerms deal : deals) {
            claim(owners, "deal id " + deal.id(), deal.id(), problems);
            deal.instruments().forEach(i -> claim(owners, "instrument id " + i.id(), deal.id(), problems));
            deal.registrationAgreements().forEach(a -> claim(owners, "agreement id " + a.id(), deal.id(), problems));
            DealTerms other = symbolRules.putIfAbsent(deal.symbol(), deal);
            if (other != null && (other.marketPriceTradingDays() != deal.marketPriceTradingDays()
                    || other.switches().pricesSplitAdjusted() != deal.switches().pricesSplitAdjusted())) {
                problems.add("deals " + other.id() + " and " + deal.id() + " share symbol " + deal.symbol()
                        + " but disagree on market-price.trading-days or switches.prices-split-adjusted;"
                        + " one Market Price per symbol and day needs them equal");
            }
        }
    }

    private static void claim(Map<String, String> owners, String what, String dealId, List<String> problems) {
        String previous = owners.putIfAbsent(what, dealId);
        if (previous != null) {
            problems.add(what + " appears in deal " + previous + " and deal " + dealId + "; ids must be unique");
        }
    }

    /** A YAML loader that resolves no implicit types (no dates, numbers or booleans): every scalar is text. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, textOnly);
    }
}
