"""The sales toolkit: the results one-pager, customer references, the pitch of the employer's product."""
