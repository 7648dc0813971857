package io.ledgerline.app.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the verified token and the caller it stands for, with permissions as authorities. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final transient Jwt token;

    CallerAuthentication(Caller caller, Jwt token) {
        super(caller.permissions().stream().map(SimpleGrantedAuthority::new).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.memberId().toString();
    }
}
