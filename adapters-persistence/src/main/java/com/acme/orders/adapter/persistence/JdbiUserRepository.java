package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * Users in PostgreSQL. The unique index on {@code lower(email)} decides between two registrations of one address,
 * even concurrent ones; its violation becomes {@link EmailAlreadyRegisteredException}.
 */
public final class JdbiUserRepository implements UserRepository {

    private final UserDao dao;

    JdbiUserRepository(Jdbi jdbi) {
        this.dao = new UserDao(jdbi);
    }

    @Override
    public UserId nextId() {
        return new UserId(dao.nextId());
    }

    @Override
    public void add(User user) {
        try {
            dao.insert(UserRow.of(user));
        } catch (UnableToExecuteStatementException failure) {
            if (violates(failure, UserDao.EMAIL_UNIQUE_INDEX)) {
                throw new EmailAlreadyRegisteredException();
            }
            throw failure;
        }
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return dao.findByEmail(email.value()).map(UserRow::toUser);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return dao.findById(id.value()).map(UserRow::toUser);
    }

    @Override
    public OptionalInt tokenVersion(UserId id) {
        return dao.tokenVersion(id.value()).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    @Override
    public void revokeTokens(UserId id) {
        dao.incrementTokenVersion(id.value());
    }

    /** Whether the statement failed on a unique violation (SQLState 23505) of the named constraint or index. */
    private static boolean violates(UnableToExecuteStatementException failure, String constraint) {
        if (!(failure.getCause() instanceof SQLException cause)
                || !PSQLState.UNIQUE_VIOLATION.getState().equals(cause.getSQLState())) {
            return false;
        }
        ServerErrorMessage detail = cause instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return detail != null && constraint.equals(detail.getConstraint());
    }
}
