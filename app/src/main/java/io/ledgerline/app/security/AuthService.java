package io.ledgerline.app.security;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.command.CommandOutcome;
import io.ledgerline.app.config.SecretBox;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.domain.member.AddMember;
import io.ledgerline.domain.member.RecordMfaEnrolment;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.organization.RegisterOrganization;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-up, sign-in, token refresh and MFA enrolment. Password hashing and JDBC work run off the event loop;
 * every change that spans events and credentials happens in one transaction.
 */
@Service
public class AuthService {

    private static final String TOTP_ISSUER = "Ledgerline";

    private final CommandDispatcher commands;
    private final AccountRegistry accounts;
    private final Credentials credentials;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final SecretBox secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Verified against when the e-mail is unknown, so the answer takes as long as for a wrong password. */
    private final String decoyHash;

    AuthService(CommandDispatcher commands, AccountRegistry accounts, Credentials credentials,
                RefreshTokens refreshTokens, AccessTokens accessTokens, PasswordEncoder passwords, SecretBox secrets,
                TransactionTemplate transactions, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public record SignedUp(UUID orgId, UUID memberId, long version) {
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    public record MfaEnrolment(String secret, String otpauthUri) {
    }

    public Mono<SignedUp> signUp(String organizationName, ZoneId timeZone, Currency currency, String name,
                                 String email, String password) {
        UUID orgId = UUID.randomUUID();
        UUID memberId = UUID.randomUUID();
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> commands.inTransaction(memberId.toString(), send -> {
                    requireFreeEmail(email);
                    CommandOutcome organization = send.send(
                            new RegisterOrganization(orgId, organizationName, timeZone, currency, memberId));
                    send.send(new AddMember(orgId, memberId, email, name, Role.OWNER));
                    credentials.setPasswordHash(memberId, hash);
                    return new SignedUp(orgId, memberId, organization.version());
                }));
    }

    /** Adds a member who can sign in with the given initial password (an admin hands it over). */
    public Mono<CommandOutcome> addMember(UUID orgId, UUID memberId, String email, String name, Role role,
                                          String password) {
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> commands.inTransaction(null, send -> {
                    requireFreeEmail(email);
                    CommandOutcome added = send.send(new AddMember(orgId, memberId, email, name, role));
                    credentials.setPasswordHash(memberId, hash);
                    return added;
                }));
    }

    public Mono<Tokens> login(String email, String password, String code) {
        return Mono.fromCallable(() -> transactions.execute(status -> {
            Credentials.StoredAccount account = credentials.byEmail(email).orElse(null);
            boolean passwordMatches = passwords.matches(password,
                    account == null || account.passwordHash() == null ? decoyHash : account.passwordHash());
            if (account == null || !passwordMatches || !account.active()) {
                throw new ApiProblem(HttpStatus.UNAUTHORIZED, "auth.invalid_credentials",
                        "The e-mail or password is wrong, or the account is inactive.");
            }
            if (account.mfaEnrolled()) {
                if (code == null || code.isBlank()) {
                    throw new ApiProblem(HttpStatus.UNAUTHORIZED, "auth.mfa_code_required",
                            "This account uses an authenticator: send its current 6-digit code as 'code'.");
                }
                acceptTotp(credentials.byId(account.memberId()).orElseThrow(), code);
            }
            return issueTokens(account.memberId(), account.orgId(), refreshTokens.issue(account.memberId()));
        })).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Tokens> refresh(String refreshToken) {
        return Mono.fromCallable(() -> transactions.execute(status -> {
            UUID memberId = refreshTokens.redeem(refreshToken).orElse(null);
            Credentials.StoredAccount account = memberId == null ? null : credentials.byId(memberId).orElse(null);
            if (account == null || !account.active()) {
                return null;
            }
            return issueTokens(memberId, account.orgId(), refreshTokens.rotate(memberId, refreshToken));
        })).subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "auth.invalid_refresh_token",
                        "The refresh token is unknown, expired, revoked or already used. Sign in again.")));
    }

    /** Starts (or restarts, before confirmation) enrolment: a new secret, shown once, stored encrypted. */
    public Mono<MfaEnrolment> enrolMfa(Caller caller) {
        return Mono.fromCallable(() -> transactions.execute(status -> {
            Credentials.StoredAccount account = credentials.byId(caller.memberId()).orElseThrow();
            if (account.mfaEnrolled()) {
                throw ApiProblem.conflict("mfa.already_enrolled", "An authenticator is already enrolled.");
            }
            String secret = Totp.newSecret();
            credentials.storeTotpSecret(caller.memberId(), secrets.seal(secret, associatedData(caller.memberId())));
            return new MfaEnrolment(secret, Totp.otpauthUri(TOTP_ISSUER, account.email(), secret));
        })).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<CommandOutcome> confirmMfa(Caller caller, String code) {
        return commands.inTransaction(null, send -> {
            Credentials.StoredAccount account = credentials.byId(caller.memberId()).orElseThrow();
            if (account.sealedTotpSecret() == null) {
                throw ApiProblem.conflict("mfa.not_started", "Start enrolment first: POST /api/v1/auth/mfa/enroll.");
            }
            if (account.mfaEnrolled()) {
                throw ApiProblem.conflict("mfa.already_enrolled", "An authenticator is already enrolled.");
            }
            acceptTotp(account, code);
            return send.send(new RecordMfaEnrolment(caller.orgId(), caller.memberId()));
        });
    }

    private void acceptTotp(Credentials.StoredAccount account, String code) {
        String secret = secrets.open(account.sealedTotpSecret(), associatedData(account.memberId()));
        OptionalLong step = Totp.verify(secret, code, clock.instant());
        if (step.isEmpty() || (account.lastTotpStep() != null && step.getAsLong() <= account.lastTotpStep())) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "auth.mfa_code_invalid",
                    "The authenticator code is wrong, expired or already used.");
        }
        credentials.acceptTotpStep(account.memberId(), step.getAsLong());
    }

    private void requireFreeEmail(String email) {
        if (accounts.emailTaken(email)) {
            throw ApiProblem.conflict("member.email_taken", "Someone already signs in with this e-mail address.");
        }
    }

    private Tokens issueTokens(UUID memberId, UUID orgId, String refreshToken) {
        AccessTokens.IssuedToken access = accessTokens.issue(memberId, orgId);
        return new Tokens(access.value(), refreshToken, access.expiresInSeconds());
    }

    private static String associatedData(UUID memberId) {
        return "account.totp_secret:" + memberId;
    }
}
