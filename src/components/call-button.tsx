/**
 * The browser build: a real tel: link, which the phone's dialer answers and a screen reader names as
 * a link; on a computer the number stays readable to dial by hand. (Taro's H5 makePhoneCall only
 * assigns location.href from script.) `label` names who is rung; the number is always in the words.
 */
export function CallButton({ phone, label = '拨打' }: { phone: string; label?: string }) {
  return (
    <a className="btn btn--primary call-button" href={`tel:${phone}`}>
      {`${label} ${phone}`}
    </a>
  )
}
