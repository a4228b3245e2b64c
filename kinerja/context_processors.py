from pegawai import access


def peran(request):
    """The signed-in user's roles, for the role-aware navigation in base.html."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"peran": access.peran(user)}
