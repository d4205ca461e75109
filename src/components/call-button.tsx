/**
 * The browser build: a real tel: link, which the phone's dialer answers and a screen reader names as
 * a link; on a computer the number stays readable to dial by hand. (Taro's H5 makePhoneCall only
 * assigns location.href from script.) Who is rung on one line, the number whole on the next: at
 * large type a number broken at its hyphen is misread.
 */
export function CallButton({ phone, label = '拨打' }: { phone: string; label?: string }) {
  return (
    <a className="btn btn--primary call-button" href={`tel:${phone}`} aria-label={`${label} ${phone}`}>
      <span className="call-button__who">{label}</span> <span className="call-button__number">{phone}</span>
    </a>
  )
}
